package coop.panier.workshops;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * What a workshop's mail says, to a member (through integrations/MailTexts) or to a guest
 * (GuestMails): its subject, and where and when, as the workshop stands when the mail is written.
 */
@ApplicationScoped
public class WorkshopMailTexts {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "panier.zone", defaultValue = "Europe/Paris")
    String zone;

    @ConfigProperty(name = "panier.spa-url", defaultValue = "http://localhost:5173")
    String spaUrl;

    public String subject(String type, JsonNode payload, String lang) {
        boolean fr = !"en".equals(lang);
        String what = payload.path("title").asText() + ", "
                + format("EEEE d MMMM", Instant.parse(payload.path("startsAt").asText()), fr);
        return switch (type) {
            case "workshop.promoted" -> (fr ? "Une place s'est libérée : " : "A place is free for you: ") + what;
            case "workshop.cancelled" -> (fr ? "Annulé : " : "Cancelled: ") + what;
            default -> "WAITING".equals(payload.path("status").asText())
                    ? (fr ? "Liste d'attente : " : "Waiting list: ") + what
                    : (fr ? "Inscription confirmée : " : "Registration confirmed: ") + what;
        };
    }

    /** The workshop's title, day, hours and place; `kind` (promoted, registered, cancelled) and `waiting`. */
    public Map<String, Object> data(String type, JsonNode payload, String lang) {
        boolean fr = !"en".equals(lang);
        UUID id = UUID.fromString(payload.path("workshopId").asText());
        Object[] row = (Object[]) em.createNativeQuery("select title, place, starts_at, ends_at from workshop where id = ?1",
                Object[].class).setParameter(1, id).getSingleResult();
        Map<String, Object> data = new HashMap<>();
        data.put("kind", type.substring(type.indexOf('.') + 1));
        data.put("waiting", "WAITING".equals(payload.path("status").asText()));
        data.put("title", row[0]);
        data.put("place", row[1]);
        data.put("day", format("EEEE d MMMM yyyy", (Instant) row[2], fr));
        data.put("hours", format("HH:mm", (Instant) row[2], fr) + "–" + format("HH:mm", (Instant) row[3], fr));
        data.put("workshopsUrl", spaUrl + "/ateliers");
        data.put("eventUrl", spaUrl + "/evenements/" + id);
        return data;
    }

    /** Where the guest sees and cancels their registration: the key of their mail. */
    String registrationUrl(String token) {
        return spaUrl + "/evenements/inscription/" + token;
    }

    /** A guest's place in line now, or null when they do not wait. */
    Integer position(UUID registrationId) {
        List<?> found = em.createNativeQuery("""
                select (select count(*) from workshop_registration o where o.workshop_id = r.workshop_id
                        and o.status = 'WAITING' and (o.registered_at, o.seq) <= (r.registered_at, r.seq))
                from workshop_registration r where r.id = ?1 and r.status = 'WAITING'""")
                .setParameter(1, registrationId).getResultList();
        return found.isEmpty() ? null : ((Number) found.get(0)).intValue();
    }

    private String format(String pattern, Instant instant, boolean fr) {
        return DateTimeFormatter.ofPattern(pattern, fr ? Locale.FRENCH : Locale.ENGLISH).format(instant.atZone(ZoneId.of(zone)));
    }
}
