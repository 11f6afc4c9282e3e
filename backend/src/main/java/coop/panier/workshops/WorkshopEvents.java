package coop.panier.workshops;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import coop.panier.integrations.EventType;
import coop.panier.integrations.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The workshops' events, with the payload the contract documents (`WorkshopEventPayload`). A
 * guest's name and address never travel in an event: the mail owed to a guest is a row of
 * `workshop_guest_mail`, written here in the same transaction, that GuestMails sends.
 */
@ApplicationScoped
class WorkshopEvents {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    void workshop(EventType type, Workshop workshop) {
        outbox.record(type, workshop.id, payload(workshop));
    }

    /** The workshop is cancelled: each guest still registered is told. */
    void cancelled(Workshop workshop) {
        UUID event = outbox.record(EventType.WORKSHOP_CANCELLED, workshop.id, payload(workshop));
        em.createNativeQuery("insert into workshop_guest_mail (id, event_id, registration_id, next_attempt_at)"
                + " select gen_random_uuid(), ?1, r.id, ?3 from workshop_registration r"
                + " where r.workshop_id = ?2 and r.member_id is null and r.status <> 'WITHDRAWN'")
                .setParameter(1, event).setParameter(2, workshop.id).setParameter(3, clock.instant()).executeUpdate();
    }

    /**
     * A registration made, given up or promoted. A member's promotion is mailed through the
     * outbox (`memberId`); a guest's registration and promotion through their own mail row.
     */
    void registration(EventType type, Workshop workshop, UUID registrationId, String status, UUID memberId) {
        Map<String, Object> payload = payload(workshop);
        payload.put("registrationId", registrationId);
        payload.put("status", status);
        if (memberId != null) {
            payload.put("memberId", memberId);
        } else {
            payload.put("guest", true);
        }
        UUID event = outbox.record(type, workshop.id, payload);
        if (memberId == null && (type == EventType.WORKSHOP_REGISTERED || type == EventType.WORKSHOP_PROMOTED)) {
            em.createNativeQuery("insert into workshop_guest_mail (id, event_id, registration_id, next_attempt_at)"
                    + " values (gen_random_uuid(), ?1, ?2, ?3)").setParameter(1, event).setParameter(2, registrationId)
                    .setParameter(3, clock.instant()).executeUpdate();
        }
    }

    private static Map<String, Object> payload(Workshop workshop) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("workshopId", workshop.id);
        payload.put("title", workshop.title);
        payload.put("startsAt", workshop.startsAt.toString());
        payload.put("endsAt", workshop.endsAt.toString());
        payload.put("public", workshop.open);
        return payload;
    }
}
