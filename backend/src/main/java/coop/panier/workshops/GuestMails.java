package coop.panier.workshops;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import coop.panier.integrations.Claims;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Engine;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Sends the mails owed to guests (non-members registered to a public event): their confirmation
 * with the link to cancel, a place freed for them, an event cancelled. Claimed like the members'
 * mails (FOR UPDATE SKIP LOCKED, one at a time, retried with the same back-off), apart from any
 * request. The name, address and key are read from the registration when sending: once erased,
 * or cancelled meanwhile, there is nothing to send.
 */
@ApplicationScoped
public class GuestMails {

    private static final Logger LOG = Logger.getLogger(GuestMails.class);

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
    WorkshopMailTexts texts;

    @Scheduled(every = "${panier.mail.delivery-check:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        Claims.drain(this::sendOne);
    }

    /** Sends the next guest's mail due, if there is one; true if it handled one. */
    public boolean sendOne() {
        return Claims.one(em, """
                select d.id, d.attempts, e.type, e.payload::text, r.id, r.guest_name, r.guest_email, r.cancel_token, r.status
                from workshop_guest_mail d
                join domain_event e on e.id = d.event_id
                join workshop_registration r on r.id = d.registration_id
                where d.status = 'PENDING' and d.next_attempt_at <= ?1
                order by d.seq limit 1
                for update of d skip locked""", clock.instant(), row -> send((UUID) row[0], ((Number) row[1]).intValue(),
                (String) row[2], (String) row[3], (UUID) row[4], (String) row[5], (String) row[6], (String) row[7],
                (String) row[8]));
    }

    private void send(UUID mail, int attempts, String type, String payloadText, UUID registration, String name,
            String email, String token, String status) {
        Instant now = clock.instant();
        if (email == null) {
            failed(mail, now, "destinataire effacé");
            return;
        }
        if ("WITHDRAWN".equals(status) && !"workshop.cancelled".equals(type)) {
            failed(mail, now, "inscription annulée entre-temps");
            return;
        }
        try {
            JsonNode payload = json.readTree(payloadText);
            Map<String, Object> data = new HashMap<>(texts.data(type, payload, "fr"));
            data.put("name", name);
            data.put("registrationUrl", texts.registrationUrl(token));
            data.put("position", texts.position(registration));
            mailer.send(Mail.withText(email, texts.subject(type, payload, "fr"),
                    templates.getTemplate("mail/workshop-guest.fr.txt").data(data).render())
                    .setHtml(templates.getTemplate("mail/workshop-guest.fr.html").data(data).render()));
            em.createNativeQuery("update workshop_guest_mail set attempts = attempts + 1, status = 'SENT', sent_at = ?2"
                    + " where id = ?1").setParameter(1, mail).setParameter(2, now).executeUpdate();
        } catch (RuntimeException | JsonProcessingException e) {
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            boolean last = Claims.mailFailed(em, "workshop_guest_mail", mail, attempts, now, error);
            LOG.warnf("Guest's mail %s not sent (attempt %d%s): %s", mail, attempts + 1, last ? ", given up" : "", error);
        }
    }

    private void failed(UUID mail, Instant now, String why) {
        em.createNativeQuery("update workshop_guest_mail set attempts = attempts + 1, status = 'FAILED', last_error = ?2"
                + " where id = ?1").setParameter(1, mail).setParameter(2, why).executeUpdate();
    }
}
