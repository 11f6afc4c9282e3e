package coop.panier.volunteering;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.ProblemException;
import coop.panier.common.RequestDigest;
import coop.panier.integrations.EventType;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import coop.panier.members.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * « Je cherche un remplaçant »: past the withdrawal delay a member offers their seat, and the
 * first member who takes it signs up in their place while the original sign-up is released
 * (REPLACED), in one transaction under the shift's row lock. PostgreSQL (V33) refuses a request
 * taken twice, a closed request reopened, and a seat counted wrong.
 */
@ApplicationScoped
@Transactional
public class StandIns {

    @Inject
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    Standing standing;

    @Inject
    ShiftService shifts;

    @Inject
    ShiftEvents events;

    @Inject
    Clock clock;

    public record Request(UUID id, UUID shiftId, String status, Instant requestedAt, boolean created) {
    }

    /** What a shift's stand-ins show in a list: the seats offered to others, and whether the caller's is. */
    public record Offer(int wanted, boolean mine) {
        static final Offer NONE = new Offer(0, false);
    }

    /** Offers the caller's seat, past the delay; asking again answers the open request. */
    public Request request(Caller caller, UUID shiftId) {
        UUID me = members.idOf(caller);
        Shift shift = shifts.lock(shiftId);
        UUID signup = me == null ? null : shifts.liveSignup(shift.id, me);
        if (signup == null) {
            throw ProblemException.notFound("Vous n'êtes pas inscrit·e à ce créneau.");
        }
        List<Object[]> open = em.createNativeQuery("select id, requested_at from shift_stand_in where signup_id = ?1"
                + " and status = 'OPEN'", Object[].class).setParameter(1, signup).getResultList();
        if (!open.isEmpty()) {
            return new Request((UUID) open.get(0)[0], shift.id, "OPEN", (Instant) open.get(0)[1], false);
        }
        Instant now = clock.instant();
        requireAhead(shift, now, "Ce créneau a déjà commencé : il n'est plus temps de chercher un remplaçant.");
        Instant limit = shifts.withdrawalLimit(shift);
        if (!now.isAfter(limit)) {
            throw ProblemException.conflict("Vous pouvez encore vous désinscrire librement de ce créneau, jusqu'au "
                    + DateTimeFormatter.ofPattern("EEEE d MMMM 'à' HH'h'mm", Locale.FRENCH).format(limit.atZone(clock.getZone()))
                    + " : pas besoin de remplaçant.");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into shift_stand_in (id, shift_id, signup_id, requested_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, shift.id).setParameter(3, signup).setParameter(4, now).executeUpdate();
        events.signup(EventType.SHIFT_STAND_IN_WANTED, shift, me);
        return new Request(id, shift.id, "OPEN", now, true);
    }

    /** The member comes after all: their seat is no longer offered. */
    public void cancel(Caller caller, UUID shiftId) {
        UUID me = members.idOf(caller);
        // Under the shift's lock, as a taking is: either the stand-in got the seat, or it is no longer offered.
        Shift shift = shifts.lock(shiftId);
        int cancelled = me == null ? 0 : em.createNativeQuery("update shift_stand_in r set status = 'CANCELLED', closed_at = ?3"
                + " where r.shift_id = ?1 and r.status = 'OPEN' and r.signup_id in (select s.id from shift_signup s"
                + " where s.shift_id = ?1 and s.member_id = ?2 and s.status = 'SIGNED_UP')")
                .setParameter(1, shift.id).setParameter(2, me).setParameter(3, clock.instant()).executeUpdate();
        if (cancelled == 0) {
            throw ProblemException.notFound("Vous ne cherchez pas de remplaçant pour ce créneau.");
        }
    }

    /**
     * The caller takes the seat offered longest ago: their sign-up replaces the original one,
     * who is released and told. A retry with the same key answers the first taking.
     */
    public ShiftService.Signup take(Caller caller, UUID shiftId, String idempotencyKey) {
        Member member = members.findBySubject(caller.subject()).orElseThrow(Standing.Reason.PENDING::problem);
        standing.require(member, Standing.Need.BELONGING);
        Shift shift = shifts.lock(shiftId);
        if (idempotencyKey != null) {
            List<Object[]> taken = em.createNativeQuery("select s.id, s.shift_id, s.member_id, s.signed_up_at"
                    + " from shift_stand_in r join shift_signup s on s.id = r.stand_in_signup_id where r.idempotency_key = ?1",
                    Object[].class).setParameter(1, idempotencyKey).getResultList();
            if (!taken.isEmpty()) {
                Object[] row = taken.get(0);
                if (!shift.id.equals(row[1]) || !member.id.equals(row[2])) {
                    throw keyReused();
                }
                return new ShiftService.Signup((UUID) row[0], shift.id, member.id, (Instant) row[3]);
            }
        }
        Instant now = clock.instant();
        requireAhead(shift, now, "Ce créneau a déjà commencé : on ne peut plus y remplacer quelqu'un.");
        if (shifts.liveSignup(shift.id, member.id) != null) {
            throw ProblemException.conflict("Vous êtes déjà inscrit·e à ce créneau : vous ne pouvez pas y remplacer quelqu'un.");
        }
        List<Object[]> offered = em.createNativeQuery("""
                select r.id, s.id, s.member_id from shift_stand_in r join shift_signup s on s.id = r.signup_id
                where r.shift_id = ?1 and r.status = 'OPEN' and s.status = 'SIGNED_UP'
                order by r.requested_at, r.id limit 1""", Object[].class).setParameter(1, shift.id).getResultList();
        if (offered.isEmpty()) {
            throw ProblemException.conflict("Plus personne ne cherche de remplaçant pour ce créneau : la place a déjà été"
                    + " prise, ou son titulaire viendra finalement.");
        }
        UUID request = (UUID) offered.get(0)[0];
        UUID original = (UUID) offered.get(0)[1];
        UUID replaced = (UUID) offered.get(0)[2];
        // The seat is given back before it is taken again, so that a full shift never counts one too many.
        em.createNativeQuery("update shift_signup set status = 'REPLACED', replaced_at = ?2 where id = ?1 and status = 'SIGNED_UP'")
                .setParameter(1, original).setParameter(2, now).executeUpdate();
        // The seat given back may require a skill: the stand-in takes the kind of seat they may (ShiftService).
        UUID id = shifts.insertSignup(shift, member.id, now);
        em.createNativeQuery("update shift_stand_in set status = 'TAKEN', closed_at = ?2, stand_in_signup_id = ?3,"
                + " idempotency_key = ?4 where id = ?1 and status = 'OPEN'").setParameter(1, request).setParameter(2, now)
                .setParameter(3, id).setParameter(4, idempotencyKey).executeUpdate();
        events.standInFound(shift, replaced, member.id);
        return new ShiftService.Signup(id, shift.id, member.id, now);
    }

    /** For a page of shifts, in one query: the seats offered on each, and whether the caller offered theirs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Offer> offers(List<UUID> shiftIds, UUID me) {
        Map<UUID, Offer> offers = new HashMap<>();
        if (shiftIds.isEmpty()) {
            return offers;
        }
        List<Object[]> rows = em.createNativeQuery("""
                select r.shift_id,
                       count(*) filter (where sh.status = 'OPEN' and sh.starts_at > ?3),
                       coalesce(bool_or(s.member_id = ?2), false)
                from shift_stand_in r
                join shift_signup s on s.id = r.signup_id
                join shift sh on sh.id = r.shift_id
                where r.shift_id in (?1) and r.status = 'OPEN' and s.status = 'SIGNED_UP'
                group by r.shift_id""", Object[].class)
                .setParameter(1, shiftIds).setParameter(2, me == null ? new UUID(0, 0) : me)
                .setParameter(3, clock.instant()).getResultList();
        for (Object[] row : rows) {
            offers.put((UUID) row[0], new Offer(((Number) row[1]).intValue(), (Boolean) row[2]));
        }
        return offers;
    }

    private static void requireAhead(Shift shift, Instant now, String started) {
        if (shift.status == Shift.Status.CANCELLED) {
            throw ProblemException.conflict("Ce créneau de bénévolat a été annulé.");
        }
        if (!now.isBefore(shift.startsAt)) {
            throw ProblemException.conflict(started);
        }
    }

    /** The key named another taking: a client bug, never a retry. */
    private static ProblemException keyReused() {
        return RequestDigest.reused("un autre remplacement");
    }
}
