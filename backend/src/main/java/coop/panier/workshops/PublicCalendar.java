package coop.panier.workshops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The co-op's public calendar (RFC 5545): its public events, open to anyone's calendar app, from
 * a month back on (a calendar keeps what happened lately). Members-only workshops are never in it.
 */
@ApplicationScoped
public class PublicCalendar {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "panier.spa-url", defaultValue = "http://localhost:5173")
    String spaUrl;

    public String calendar() {
        List<Object[]> rows = em.createNativeQuery("""
                select id, title, description, place, starts_at, ends_at from workshop
                where open_to_public and status = 'OPEN' and ends_at > ?1 order by starts_at, id limit 1000""",
                Object[].class).setParameter(1, clock.instant().minus(Duration.ofDays(30))).getResultList();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Panier//Événements publics de la coopérative//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (Object[] row : rows) {
            String page = spaUrl + "/evenements/" + row[0];
            VEvent event = new VEvent((Instant) row[4], (Instant) row[5], (String) row[1]);
            event.add(new Uid("workshop-" + row[0] + "@panier"));
            event.add(new Location((String) row[3]));
            String description = (String) row[2];
            event.add(new Description((description.isEmpty() ? "" : description + "\n\n") + "Inscription : " + page));
            try {
                event.add(new Url(java.net.URI.create(page)));
            } catch (IllegalArgumentException e) {
                // a misconfigured SPA address: the description has the page
            }
            calendar.add(event);
        }
        return calendar.toString();
    }
}
