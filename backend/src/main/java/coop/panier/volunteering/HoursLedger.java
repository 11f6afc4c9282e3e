package coop.panier.volunteering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import coop.panier.integrations.EventType;
import coop.panier.integrations.Outbox;
import org.hibernate.query.NativeQuery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Writes the households' hours ledger (volunteer_credit, V34), one entry per change, each told
 * as `hours.credited`. Entries are never changed: PostgreSQL refuses it, and takes each source
 * (a sign-up, logged hours, a side of a gift) once.
 */
@ApplicationScoped
class HoursLedger {

    enum Kind {
        SHIFT, REVERSAL, LOGGED, GIFT_GIVEN, GIFT_RECEIVED
    }

    /** Where an entry comes from; the ids that do not apply are null. */
    record Source(UUID signupId, UUID shiftId, UUID memberId, UUID loggedHoursId, UUID giftId, UUID reverses) {

        static Source signup(UUID signupId, UUID shiftId, UUID memberId) {
            return new Source(signupId, shiftId, memberId, null, null, null);
        }

        Source reversing(UUID credit) {
            return new Source(signupId, shiftId, memberId, null, null, credit);
        }

        static Source logged(UUID loggedHoursId, UUID memberId) {
            return new Source(null, null, memberId, loggedHoursId, null, null);
        }

        static Source gift(UUID giftId, UUID memberId) {
            return new Source(null, null, memberId, null, giftId, null);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    UUID record(UUID householdId, Kind kind, int minutes, LocalDate countsOn, Source source, UUID recordedBy) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                insert into volunteer_credit (id, household_id, kind, minutes, counts_on, signup_id, logged_hours_id,
                                              gift_id, reverses, recorded_by, recorded_at)
                values (:id, :household, :kind, :minutes, :countsOn, :signup, :logged, :gift, :reverses, :by, :at)""")
                .unwrap(NativeQuery.class).setParameter("id", id).setParameter("household", householdId).setParameter("kind", kind.name())
                .setParameter("minutes", minutes).setParameter("countsOn", countsOn)
                .setParameter("signup", source.signupId(), UUID.class)
                .setParameter("logged", source.loggedHoursId(), UUID.class)
                .setParameter("gift", source.giftId(), UUID.class).setParameter("reverses", source.reverses(), UUID.class)
                .setParameter("by", recordedBy, UUID.class).setParameter("at", clock.instant()).executeUpdate();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("entryId", id);
        payload.put("householdId", householdId);
        payload.put("kind", kind.name());
        payload.put("minutes", minutes);
        payload.put("countsOn", countsOn.toString());
        putIfPresent(payload, "shiftId", source.shiftId());
        putIfPresent(payload, "signupId", source.signupId());
        putIfPresent(payload, "memberId", source.memberId());
        putIfPresent(payload, "loggedHoursId", source.loggedHoursId());
        putIfPresent(payload, "giftId", source.giftId());
        outbox.record(EventType.HOURS_CREDITED, householdId, payload);
        return id;
    }

    private static void putIfPresent(Map<String, Object> payload, String key, UUID value) {
        if (value != null) {
            payload.put(key, value);
        }
    }
}
