package coop.panier.integrations;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Engine;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Mails to the co-op's admins, today a webhook endpoint disabled after 3 days of failures. Who is
 * an admin is Keycloak's knowledge, not the database's, so they go to one configured address
 * (panier.admin-mail, a list of the admins). Claimed like the members' mails (FOR UPDATE SKIP
 * LOCKED), retried with the same back-off, given up after as many tries.
 */
@ApplicationScoped
public class AdminMails {

    private static final Logger LOG = Logger.getLogger(AdminMails.class);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    Mailer mailer;

    @Inject
    Engine templates;

    @ConfigProperty(name = "panier.admin-mail")
    String adminMail;

    @ConfigProperty(name = "panier.zone", defaultValue = "Europe/Paris")
    String zone;

    @ConfigProperty(name = "panier.spa-url", defaultValue = "http://localhost:5173")
    String spaUrl;

    @Scheduled(every = "${panier.mail.delivery-check:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        Claims.drain(this::sendOne);
    }

    /** Sends the next admins' mail due, if there is one; true if it handled one. */
    public boolean sendOne() {
        return Claims.one(em, """
                select d.id, d.attempts, e.payload::text
                from admin_mail d join domain_event e on e.id = d.event_id
                where d.status = 'PENDING' and d.next_attempt_at <= ?1
                order by d.seq limit 1
                for update of d skip locked""", clock.instant(),
                row -> send((UUID) row[0], ((Number) row[1]).intValue(), (String) row[2]));
    }

    private void send(UUID mail, int attempts, String payloadText) {
        Instant now = clock.instant();
        try {
            JsonNode payload = json.readTree(payloadText);
            String since = payload.hasNonNull("failingSince")
                    ? DateTimeFormatter.ofPattern("EEEE d MMMM 'à' HH'h'mm", Locale.FRENCH)
                            .format(Instant.parse(payload.path("failingSince").asText()).atZone(ZoneId.of(zone)))
                    : null;
            Map<String, Object> data = Map.of("url", payload.path("url").asText(),
                    "description", payload.path("description").asText(""), "since", since == null ? "" : since,
                    "pageUrl", spaUrl + "/gestion/integrations");
            mailer.send(Mail.withText(adminMail, "Webhook désactivé : " + payload.path("url").asText(),
                    templates.getTemplate("mail/webhook-disabled.fr.txt").data(data).render())
                    .setHtml(templates.getTemplate("mail/webhook-disabled.fr.html").data(data).render()));
            em.createNativeQuery("update admin_mail set attempts = attempts + 1, status = 'SENT', sent_at = ?2 where id = ?1")
                    .setParameter(1, mail).setParameter(2, now).executeUpdate();
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            boolean last = Claims.mailFailed(em, "admin_mail", mail, attempts, now, error);
            LOG.warnf("Admins' mail %s not sent (attempt %d%s): %s", mail, attempts + 1, last ? ", given up" : "", error);
        }
    }
}
