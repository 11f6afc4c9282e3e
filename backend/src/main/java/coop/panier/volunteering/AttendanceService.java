package coop.panier.volunteering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ProblemException;
import coop.panier.common.SqlValues;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import coop.panier.members.MemberStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Who coordinates a shift, and its attendance sheet. After the shift has started, an admin or
 * its coordinator marks each live sign-up attended, absent or excused. Attended credits the
 * member's household once: the mark runs under the sign-up's row lock, and PostgreSQL keeps
 * one live credit per sign-up whatever slips through. Taking the mark back writes a reversal,
 * never a deletion.
 */
@ApplicationScoped
@Transactional
public class AttendanceService {

    /** How far back the sheets to mark are listed. */
    static final int SHEETS_DAYS_BACK = 14;

    public enum Mark {
        ATTENDED, ABSENT, EXCUSED
    }

    public record Coordinator(UUID shiftId, UUID memberId, String name) {
    }

    public record Row(UUID signupId, UUID memberId, String memberNumber, String firstName, String lastName, Mark mark,
            Instant markedAt, int creditedMinutes) {
    }

    public record Sheet(Shift shift, int creditMinutes, Coordinator coordinator, boolean open, List<Row> rows) {
    }

    public record Summary(UUID shiftId, String task, String place, Instant startsAt, Instant endsAt, int signups,
            int marked, String coordinatorName) {
    }

    @Inject
    EntityManager em;

    @Inject
    MemberRepository members;

    @Inject
    Clock clock;

    @Inject
    HoursLedger ledger;

    @Inject
    HoursAccounts accounts;

    @Inject
    HouseholdStandings standings;

    public Coordinator name(Caller caller, UUID shiftId, UUID memberId) {
        Shift shift = shift(shiftId);
        Member member = members.findByIdOptional(memberId)
                .orElseThrow(() -> ProblemException.notFound("Aucun adhérent ne porte cet identifiant."));
        if (member.status == MemberStatus.LEFT) {
            throw ProblemException.conflict(member.firstName + " " + member.lastName
                    + " a quitté la coopérative : choisissez quelqu'un d'autre pour coordonner ce créneau.");
        }
        em.createNativeQuery("""
                insert into shift_coordinator (shift_id, member_id, named_by, named_at) values (:shift, :member, :by, :now)
                on conflict (shift_id) do update set member_id = excluded.member_id, named_by = excluded.named_by,
                                                     named_at = excluded.named_at""")
                .unwrap(org.hibernate.query.NativeQuery.class).setParameter("shift", shift.id)
                .setParameter("member", member.id).setParameter("by", members.idOf(caller), UUID.class)
                .setParameter("now", clock.instant()).executeUpdate();
        return new Coordinator(shift.id, member.id, member.firstName + " " + member.lastName);
    }

    public void unname(UUID shiftId) {
        em.createNativeQuery("delete from shift_coordinator where shift_id = :shift")
                .setParameter("shift", shift(shiftId).id).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Sheet sheet(Caller caller, UUID shiftId) {
        requireMayMark(caller, shiftId);
        Shift shift = shift(shiftId);
        return new Sheet(shift, creditFor(shift), coordinator(shift.id), open(shift), rows(shift.id, null));
    }

    public Row mark(Caller caller, UUID shiftId, UUID signupId, Mark mark) {
        requireMayMark(caller, shiftId);
        Shift shift = shift(shiftId);
        if (shift.status == Shift.Status.CANCELLED) {
            throw ProblemException.conflict("Ce créneau a été annulé : il n'a pas de feuille de présence.");
        }
        if (!open(shift)) {
            throw ProblemException.conflict("Ce créneau n'a pas encore commencé : la présence se note à partir de "
                    + HoursTexts.day(shift.startsAt.atZone(clock.getZone()).toLocalDate()) + ", à son début.");
        }
        List<?> locked = em.createNativeQuery("select member_id from shift_signup where id = :id and shift_id = :shift"
                + " and status = 'SIGNED_UP' for update", UUID.class)
                .setParameter("id", signupId).setParameter("shift", shift.id).getResultList();
        if (locked.isEmpty()) {
            throw ProblemException.notFound("Cette inscription n'est pas sur la feuille de présence de ce créneau.");
        }
        Member member = em.find(Member.class, (UUID) locked.get(0));
        UUID by = members.idOf(caller);
        em.createNativeQuery("""
                insert into shift_attendance (signup_id, mark, marked_by, marked_at) values (:id, :mark, :by, :now)
                on conflict (signup_id) do update set mark = excluded.mark, marked_by = excluded.marked_by,
                                                      marked_at = excluded.marked_at
                where shift_attendance.mark <> excluded.mark""")
                .unwrap(org.hibernate.query.NativeQuery.class).setParameter("id", signupId)
                .setParameter("mark", mark.name()).setParameter("by", by, UUID.class)
                .setParameter("now", clock.instant()).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> live = em.createNativeQuery("select id, household_id, minutes, counts_on from volunteer_credit"
                + " where signup_id = :id and kind = 'SHIFT' and reversed_by is null", Object[].class)
                .setParameter("id", signupId).getResultList();
        HoursLedger.Source source = HoursLedger.Source.signup(signupId, shift.id, member.id);
        if (mark == Mark.ATTENDED && live.isEmpty() && member.householdId != null) {
            standings.lock(member.householdId);
            ledger.record(member.householdId, HoursLedger.Kind.SHIFT, creditFor(shift),
                    shift.startsAt.atZone(clock.getZone()).toLocalDate(), source, by);
            standings.refresh(member.householdId);
        } else if (mark != Mark.ATTENDED && !live.isEmpty()) {
            Object[] credit = live.get(0);
            UUID household = (UUID) credit[1];
            standings.lock(household);
            ledger.record(household, HoursLedger.Kind.REVERSAL, -((Number) credit[2]).intValue(),
                    SqlValues.date(credit[3]), source.reversing((UUID) credit[0]), by);
            standings.refresh(household);
        }
        return rows(shift.id, signupId).get(0);
    }

    /** The shifts started in the last days or starting today that the caller may mark, the latest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<Summary> sheets(Caller caller, Integer limit, String cursor) {
        record After(Instant startsAt, UUID id) {
        }
        After after = Cursor.read(cursor, 2, key -> new After(Instant.parse(key.get(0)), UUID.fromString(key.get(1))));
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", today.minusDays(SHEETS_DAYS_BACK).atStartOfDay(zone).toInstant());
        params.put("to", today.plusDays(1).atStartOfDay(zone).toInstant());
        StringBuilder where = new StringBuilder("s.status = 'OPEN' and s.starts_at >= :from and s.starts_at < :to");
        if (!caller.admin()) {
            UUID me = members.idOf(caller);
            if (me == null) {
                return new Cursor.Slice<>(List.of(), null);
            }
            where.append(" and exists (select 1 from shift_coordinator c where c.shift_id = s.id and c.member_id = :me)");
            params.put("me", me);
        }
        if (after != null) {
            where.append(" and (s.starts_at < :afterStart or (s.starts_at = :afterStart and s.id < :afterId))");
            params.put("afterStart", after.startsAt());
            params.put("afterId", after.id());
        }
        int size = Cursor.limit(limit);
        var query = em.createNativeQuery("""
                select s.id, s.task, s.place, s.starts_at, s.ends_at,
                       (select count(*) from shift_signup g where g.shift_id = s.id and g.status = 'SIGNED_UP'),
                       (select count(*) from shift_signup g join shift_attendance a on a.signup_id = g.id
                         where g.shift_id = s.id and g.status = 'SIGNED_UP'),
                       (select m.first_name || ' ' || m.last_name from shift_coordinator c join member m on m.id = c.member_id
                         where c.shift_id = s.id)
                from shift s where""" + " " + where + " order by s.starts_at desc, s.id desc", Object[].class)
                .setMaxResults(size + 1);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Summary> summaries = rows.stream().map(r -> new Summary((UUID) r[0], (String) r[1], (String) r[2],
                SqlValues.instant(r[3]), SqlValues.instant(r[4]), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), (String) r[7]))
                .toList();
        return Cursor.slice(summaries, size, s -> new String[] { s.startsAt().toString(), s.shiftId().toString() });
    }

    /** Admins mark every sheet; a member, the sheets of the shifts they coordinate. Anyone else: 403. */
    private void requireMayMark(Caller caller, UUID shiftId) {
        if (caller.admin()) {
            return;
        }
        UUID me = members.idOf(caller);
        boolean coordinates = me != null && !em.createNativeQuery(
                "select 1 from shift_coordinator where shift_id = :shift and member_id = :me")
                .setParameter("shift", shiftId).setParameter("me", me).getResultList().isEmpty();
        if (!coordinates) {
            throw ProblemException.forbidden("Seuls les admins et la personne qui coordonne ce créneau tiennent sa"
                    + " feuille de présence.");
        }
    }

    private boolean open(Shift shift) {
        return shift.status == Shift.Status.OPEN && !clock.instant().isBefore(shift.startsAt);
    }

    private int creditFor(Shift shift) {
        return accounts.rules().rule().creditFor(Duration.between(shift.startsAt, shift.endsAt).toMinutes());
    }

    private Coordinator coordinator(UUID shiftId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select m.id, m.first_name || ' ' || m.last_name from shift_coordinator c"
                + " join member m on m.id = c.member_id where c.shift_id = :shift", Object[].class)
                .setParameter("shift", shiftId).getResultList();
        return rows.isEmpty() ? null : new Coordinator(shiftId, (UUID) rows.get(0)[0], (String) rows.get(0)[1]);
    }

    /** The live sign-ups, by name; one of them when `only` is given. */
    private List<Row> rows(UUID shiftId, UUID only) {
        var query = em.createNativeQuery("""
                select g.id, m.id, m.member_number, m.first_name, m.last_name, a.mark, a.marked_at,
                       coalesce((select c.minutes from volunteer_credit c where c.signup_id = g.id and c.kind = 'SHIFT'
                                 and c.reversed_by is null), 0)
                from shift_signup g join member m on m.id = g.member_id left join shift_attendance a on a.signup_id = g.id
                where g.shift_id = :shift and g.status = 'SIGNED_UP'""" + (only == null ? "" : " and g.id = :only")
                + " order by m.last_name, m.first_name, g.id", Object[].class).setParameter("shift", shiftId);
        if (only != null) {
            query.setParameter("only", only);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Row((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                r[5] == null ? null : Mark.valueOf((String) r[5]), r[6] == null ? null : SqlValues.instant(r[6]),
                ((Number) r[7]).intValue())).toList();
    }

    private Shift shift(UUID id) {
        Shift shift = em.find(Shift.class, id);
        if (shift == null) {
            throw ShiftService.notFound();
        }
        return shift;
    }
}
