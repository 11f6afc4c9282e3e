package coop.panier.integrations;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Engine;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Sends the mails the outbox owes, apart from any request: one claimed at a time (FOR UPDATE
 * SKIP LOCKED, safe with several instances), written in the member's language from the event and
 * what the database says now, retried with back-off when the mail server fails, and given up
 * after a day (FAILED, for the admins to see) without losing the event.
 */
@ApplicationScoped
public class MailDeliveries {

    private static final Logger LOG = Logger.getLogger(MailDeliveries.class);
    static final int GIVE_UP_AFTER_ATTEMPTS = 12;

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

    @Inject
    MailTexts texts;

    @Scheduled(every = "${panier.mail.delivery-check:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        Claims.drain(this::sendOne);
    }

    /** Woken by {@link Nudges} after a commit that wrote events. */
    @ActivateRequestContext
    void drainNow() {
        Claims.drainAll(this::sendOne);
    }

    /** Sends the next mail due, if there is one; true if it handled one. */
    public boolean sendOne() {
        return Claims.one(em, """
                select d.id, d.attempts, e.type, e.payload::text, m.email, m.first_name, m.language
                from mail_delivery d
                join domain_event e on e.id = d.event_id
                join member m on m.id = d.recipient_member_id
                where d.status = 'PENDING' and d.next_attempt_at <= ?1
                order by d.seq limit 1
                for update of d skip locked""", clock.instant(),
                row -> send((UUID) row[0], ((Number) row[1]).intValue(), (String) row[2], payload((String) row[3]),
                        (String) row[4], (String) row[5], (String) row[6]));
    }

    private JsonNode payload(String text) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An event's payload is JSON (a CHECK says so)", e);
        }
    }

    private void send(UUID delivery, int attempts, String type, JsonNode payload, String email, String firstName,
            String language) {
        Instant now = clock.instant();
        if (email == null || email.endsWith("@anonyme.invalid")) {
            // Erased meanwhile: nobody to write to, and nothing to retry.
            mark(delivery, "FAILED", now, "destinataire effacé");
            return;
        }
        String lang = "en".equals(language) ? "en" : "fr";
        try {
            Map<String, Object> data = new HashMap<>(texts.data(type, payload, lang));
            data.put("firstName", firstName);
            String kind = MailTexts.template(type);
            mailer.send(Mail.withText(email, texts.subject(type, payload, lang),
                    templates.getTemplate("mail/" + kind + "." + lang + ".txt").data(data).render())
                    .setHtml(templates.getTemplate("mail/" + kind + "." + lang + ".html").data(data).render()));
            mark(delivery, "SENT", now, null);
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            boolean last = Claims.mailFailed(em, "mail_delivery", delivery, attempts, now, error);
            LOG.warnf("Mail %s not sent (attempt %d%s): %s", delivery, attempts + 1, last ? ", given up" : "", error);
        }
    }

    private void mark(UUID delivery, String status, Instant now, String error) {
        em.createNativeQuery("update mail_delivery set attempts = attempts + 1, status = ?2, sent_at = ?3, last_error = ?4"
                + " where id = ?1").setParameter(1, delivery).setParameter(2, status)
                .setParameter(3, "SENT".equals(status) ? now : null).setParameter(4, error).executeUpdate();
    }
}
