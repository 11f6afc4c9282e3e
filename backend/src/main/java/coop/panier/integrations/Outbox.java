package coop.panier.integrations;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The one event outbox. A service records what happened in the transaction of the change itself
 * (MANDATORY: there is no event outside one), so the event is committed with the change or
 * rolled back with it. Workers deliver from the table, never the request that made the change.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    Nudges nudges;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(EventType type, UUID subjectId, Map<String, Object> payload) {
        UUID id = UUID.randomUUID();
        try {
            em.createNativeQuery("insert into domain_event (id, type, version, occurred_at, subject_type, subject_id, payload)"
                    + " values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))")
                    .setParameter(1, id).setParameter(2, type.wireName()).setParameter(3, type.version())
                    .setParameter(4, clock.instant()).setParameter(5, type.subject()).setParameter(6, subjectId)
                    .setParameter(7, json.writeValueAsString(payload)).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An event payload must be JSON", e);
        }
        // Its webhook deliveries, in the same transaction: none if the change is rolled back.
        if (type.toSubscribers()) {
            em.createNativeQuery("insert into webhook_delivery (id, endpoint_id, event_id, subject_id, next_attempt_at)"
                    + " select gen_random_uuid(), w.id, ?1, ?2, ?3 from webhook_endpoint w where w.enabled and ?4 = any(w.event_types)")
                    .setParameter(1, id).setParameter(2, subjectId).setParameter(3, clock.instant())
                    .setParameter(4, type.wireName()).executeUpdate();
        }
        if (type.toAdmins()) {
            em.createNativeQuery("insert into admin_mail (id, event_id, next_attempt_at) values (gen_random_uuid(), ?1, ?2)")
                    .setParameter(1, id).setParameter(2, clock.instant()).executeUpdate();
        }
        mailsFor(type, id, payload);
        nudges.afterCommit();
        return id;
    }

    /**
     * The same, for an event mailed to the members the caller lists (`Recipients.LISTED`): those
     * of them still active and not erased, who want it (the type's reminder choice).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(EventType type, UUID subjectId, Map<String, Object> payload, java.util.Collection<UUID> recipients) {
        UUID id = record(type, subjectId, payload);
        if (type.mailedTo() == EventType.Recipients.LISTED && !recipients.isEmpty()) {
            String choice = type.reminderChoice() == null ? "" : " and m." + type.reminderChoice();
            em.createNativeQuery("insert into mail_delivery (id, event_id, recipient_member_id, next_attempt_at)"
                    + " select gen_random_uuid(), ?1, m.id, ?3 from member m where m.id = any(cast(?2 as uuid[]))"
                    + " and m.status = 'ACTIVE' and m.erased_at is null" + choice)
                    .setParameter(1, id).setParameter(2, "{" + String.join(",", recipients.stream().map(UUID::toString).toList()) + "}")
                    .setParameter(3, clock.instant()).executeUpdate();
        }
        return id;
    }

    /** The mails the event owes, one per recipient who wants it, read from the members now. */
    private void mailsFor(EventType type, UUID eventId, Map<String, Object> payload) {
        Object who = switch (type.mailedTo()) {
            case MEMBER -> payload.get("memberId");
            case HOUSEHOLD -> payload.get("householdId");
            case VOLUNTEERS -> payload.get("shiftId");
            case PLEDGERS -> payload.get("fundraiserId");
            case MEMBERS -> payload.get("assemblyId");
            case NOBODY, LISTED -> null;
        };
        if (who == null) {
            return;
        }
        // The column name comes from EventType, never from input.
        String choice = type.reminderChoice() == null ? "" : " and m." + type.reminderChoice();
        String recipients = switch (type.mailedTo()) {
            case MEMBER -> "m.id = ?2";
            case VOLUNTEERS -> "m.status = 'ACTIVE' and m.erased_at is null and not exists (select 1 from shift_signup s"
                    + " where s.shift_id = ?2 and s.member_id = m.id and s.status = 'SIGNED_UP')";
            case PLEDGERS -> "m.erased_at is null and exists (select 1 from fundraiser_pledge p"
                    + " where p.fundraiser_id = ?2 and p.member_id = m.id and p.status in ('DUE', 'RELEASED'))";
            case MEMBERS -> "m.status = 'ACTIVE' and m.erased_at is null and cast(?2 as uuid) is not null";
            default -> "m.household_id = ?2 and m.status <> 'LEFT' and m.erased_at is null";
        };
        em.createNativeQuery("insert into mail_delivery (id, event_id, recipient_member_id, next_attempt_at)"
                + " select gen_random_uuid(), ?1, m.id, ?3 from member m where " + recipients + choice)
                .setParameter(1, eventId).setParameter(2, who).setParameter(3, clock.instant()).executeUpdate();
    }
}
