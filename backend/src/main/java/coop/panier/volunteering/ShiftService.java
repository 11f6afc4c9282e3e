package coop.panier.volunteering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ProblemException;
import coop.panier.integrations.EventType;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import coop.panier.members.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Volunteer shifts and their sign-ups. A sign-up and a withdrawal run under the shift's row lock,
 * so seats are counted one transaction at a time; PostgreSQL's `taken <= seats` check (V32)
 * refuses whatever would slip through.
 */
@ApplicationScoped
@Transactional
public class ShiftService {

    static final String WITHDRAWAL_TOO_LATE = "shift-withdrawal-too-late";

    @Inject
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    Standing standing;

    @Inject
    ShiftEvents events;

    @Inject
    SeatKinds seatKinds;

    @Inject
    Clock clock;

    @ConfigProperty(name = "panier.volunteering.withdraw-hours", defaultValue = "48")
    int withdrawHours;

    public record Definition(String task, String place, Instant startsAt, Instant endsAt, int seats) {
    }

    /** A shift as the caller sees it: whether they hold one of its seats. */
    public record View(Shift shift, boolean signedUp) {
    }

    public record Signup(UUID id, UUID shiftId, UUID memberId, Instant signedUpAt) {
    }

    public record Filter(String task, LocalDate day, Boolean mine) {
    }

    public Shift create(Definition d) {
        if (!d.endsAt().isAfter(d.startsAt())) {
            throw ProblemException.invalidField("endsAt", "doit être après le début");
        }
        Shift shift = new Shift();
        shift.id = UUID.randomUUID();
        shift.task = d.task().strip();
        shift.place = d.place().strip();
        shift.startsAt = d.startsAt();
        shift.endsAt = d.endsAt();
        shift.seats = d.seats();
        em.persist(shift);
        return shift;
    }

    /** The shifts not ended yet, by start; members do not see the cancelled ones. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<View> page(Caller caller, Filter filter, Integer limit, String cursor) {
        record After(Instant startsAt, UUID id) {
        }
        After after = Cursor.read(cursor, 2, key -> new After(Instant.parse(key.get(0)), UUID.fromString(key.get(1))));
        StringBuilder where = new StringBuilder("s.endsAt > :now");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("now", clock.instant());
        if (!caller.admin()) {
            where.append(" and s.status = :open");
            params.put("open", Shift.Status.OPEN);
        }
        if (filter.task() != null && !filter.task().isBlank()) {
            where.append(" and lower(s.task) = lower(:task)");
            params.put("task", filter.task().strip());
        }
        if (filter.day() != null) {
            ZoneId zone = clock.getZone();
            where.append(" and s.startsAt >= :dayStart and s.startsAt < :dayEnd");
            params.put("dayStart", filter.day().atStartOfDay(zone).toInstant());
            params.put("dayEnd", filter.day().plusDays(1).atStartOfDay(zone).toInstant());
        }
        UUID me = members.idOf(caller);
        if (filter.mine() != null) {
            List<UUID> held = me == null ? List.of() : heldAhead(me);
            if (filter.mine()) {
                where.append(held.isEmpty() ? " and 1 = 0" : " and s.id in :held");
            } else if (!held.isEmpty()) {
                where.append(" and s.id not in :held");
            }
            if (!held.isEmpty()) {
                params.put("held", held);
            }
        }
        if (after != null) {
            where.append(" and (s.startsAt > :afterStart or (s.startsAt = :afterStart and s.id > :afterId))");
            params.put("afterStart", after.startsAt());
            params.put("afterId", after.id());
        }
        int size = Cursor.limit(limit);
        var query = em.createQuery("from Shift s where " + where + " order by s.startsAt, s.id", Shift.class)
                .setMaxResults(size + 1);
        params.forEach(query::setParameter);
        List<View> views = views(query.getResultList(), me);
        return Cursor.slice(views, size, v -> new String[] { v.shift().startsAt.toString(), v.shift().id.toString() });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View get(Caller caller, UUID id) {
        Shift shift = em.find(Shift.class, id);
        if (shift == null) {
            throw notFound();
        }
        return views(List.of(shift), members.idOf(caller)).get(0);
    }

    /** One tap, one seat: a member in good standing takes a free seat of an open shift not started. */
    public Signup signUp(Caller caller, UUID shiftId) {
        Member member = members.findBySubject(caller.subject()).orElseThrow(Standing.Reason.PENDING::problem);
        standing.require(member, Standing.Need.BELONGING);
        Shift shift = lock(shiftId);
        Instant now = clock.instant();
        if (shift.status == Shift.Status.CANCELLED) {
            throw ProblemException.conflict("Ce créneau de bénévolat a été annulé.");
        }
        if (!now.isBefore(shift.startsAt)) {
            throw ProblemException.conflict("Ce créneau de bénévolat a déjà commencé : on ne peut plus s'y inscrire.");
        }
        if (liveSignup(shift.id, member.id) != null) {
            throw ProblemException.conflict("Vous êtes déjà inscrit·e à ce créneau : votre place est gardée.");
        }
        if (shift.taken >= shift.seats) {
            throw ProblemException.conflict("Ce créneau de bénévolat est complet : choisissez-en un autre.");
        }
        UUID id = insertSignup(shift, member.id, now);
        events.signup(EventType.SHIFT_SIGNED_UP, shift, member.id);
        return new Signup(id, shift.id, member.id, now);
    }

    /**
     * The member gives their seat back, freely until the delay before the start (counted as
     * the co-op reads it, in days on its calendar); after it, they must find a stand-in.
     */
    public void withdraw(Caller caller, UUID shiftId) {
        UUID me = members.idOf(caller);
        Shift shift = lock(shiftId);
        UUID signup = me == null ? null : liveSignup(shift.id, me);
        if (signup == null) {
            throw ProblemException.notFound("Vous n'êtes pas inscrit·e à ce créneau.");
        }
        Instant now = clock.instant();
        if (now.isAfter(withdrawalLimit(shift))) {
            throw new ProblemException(409, WITHDRAWAL_TOO_LATE, "Trop tard pour se désinscrire",
                    "Ce créneau commence dans moins de " + withdrawHours + " heures : on ne peut plus s'en désinscrire."
                            + " Cherchez plutôt quelqu'un pour vous remplacer, ou prévenez la coopérative.",
                    List.of());
        }
        em.createNativeQuery("update shift_signup set status = 'WITHDRAWN', withdrawn_at = ?2 where id = ?1")
                .setParameter(1, signup).setParameter(2, now).executeUpdate();
        events.signup(EventType.SHIFT_WITHDRAWN, shift, me);
    }

    /** Until when its members withdraw freely: the delay counted as the co-op reads it, in days on its calendar. */
    Instant withdrawalLimit(Shift shift) {
        return shift.startsAt.atZone(clock.getZone()).minusDays(withdrawHours / 24).minusHours(withdrawHours % 24)
                .toInstant();
    }

    Shift lock(UUID id) {
        Shift shift = em.find(Shift.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (shift == null) {
            throw notFound();
        }
        return shift;
    }

    /** The shifts not ended where the member holds a seat: a member holds a few, never thousands. */
    private List<UUID> heldAhead(UUID memberId) {
        return em.createNativeQuery("select g.shift_id from shift_signup g join shift s on s.id = g.shift_id"
                + " where g.member_id = ?1 and g.status = 'SIGNED_UP' and s.ends_at > ?2", UUID.class)
                .setParameter(1, memberId).setParameter(2, clock.instant()).getResultList();
    }

    /**
     * Seats the member on the shift and returns the new signup's id. Signing up and taking a stand-in both seat a
     * member the same way, and the seat may require a skill: the member takes the kind of seat they may (SeatKinds).
     */
    UUID insertSignup(Shift shift, UUID memberId, Instant now) {
        UUID skill = seatKinds.seatFor(shift.id, memberId);
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into shift_signup (id, shift_id, member_id, signed_up_at, skill_id)"
                + " values (?1, ?2, ?3, ?4, cast(nullif(?5, '') as uuid))")
                .setParameter(1, id).setParameter(2, shift.id).setParameter(3, memberId).setParameter(4, now)
                .setParameter(5, skill == null ? "" : skill.toString()).executeUpdate();
        return id;
    }

    UUID liveSignup(UUID shiftId, UUID memberId) {
        List<UUID> live = em.createNativeQuery("select id from shift_signup where shift_id = ?1 and member_id = ?2"
                + " and status = 'SIGNED_UP'", UUID.class).setParameter(1, shiftId).setParameter(2, memberId)
                .getResultList();
        return live.isEmpty() ? null : live.get(0);
    }

    /** Which of the shifts the caller holds a seat in, in one query. */
    private List<View> views(List<Shift> shifts, UUID me) {
        if (shifts.isEmpty()) {
            return List.of();
        }
        Set<UUID> mine = me == null ? Set.of() : new HashSet<>(em.createNativeQuery(
                "select shift_id from shift_signup where member_id = ?1 and shift_id in (?2) and status = 'SIGNED_UP'",
                UUID.class).setParameter(1, me).setParameter(2, shifts.stream().map(s -> s.id).toList()).getResultList());
        return shifts.stream().map(s -> new View(s, mine.contains(s.id))).toList();
    }

    static ProblemException notFound() {
        return ProblemException.notFound("Aucun créneau de bénévolat ne porte cet identifiant.");
    }
}
