package coop.panier.volunteering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ProblemException;
import coop.panier.common.SqlValues;
import coop.panier.members.Household;
import coop.panier.members.Member;
import coop.panier.members.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What lifts a household's hours for a while: exemptions, granted by an admin for a reason
 * (health, parental leave, age…), and pauses, declared by a member within the co-op's yearly
 * limit. Either may cover all of the household's adults or some of them; the account prorates
 * the requirement over the days covered.
 */
@ApplicationScoped
@Transactional
public class CoverService {

    static final String PAUSE_LIMIT = "pause-limit";

    public enum Reason {
        HEALTH, PARENTAL_LEAVE, AGE, OTHER
    }

    public record Exemption(UUID id, UUID householdId, String householdName, Reason reason, String note,
            LocalDate startsOn, LocalDate endsOn, Integer adults, String grantedByName, Instant grantedAt) {
    }

    public record Pause(UUID id, UUID householdId, LocalDate startsOn, LocalDate endsOn, Integer adults,
            String declaredByName, Instant declaredAt) {
    }

    public record Period(LocalDate startsOn, LocalDate endsOn, Integer adults) {
    }

    private static final String EXEMPTIONS = """
            select e.id, e.household_id, h.name, e.reason, e.note, e.starts_on, e.ends_on, e.adults,
                   g.first_name || ' ' || g.last_name, e.granted_at
            from volunteer_exemption e join household h on h.id = e.household_id left join member g on g.id = e.granted_by
            where e.revoked_at is null""";

    private static final String PAUSES = """
            select p.id, p.household_id, p.starts_on, p.ends_on, p.adults, d.first_name || ' ' || d.last_name, p.declared_at
            from volunteer_pause p join member d on d.id = p.declared_by where p.cancelled_at is null""";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Members members;

    @Inject
    HoursAccounts accounts;

    @Inject
    HouseholdStandings standings;

    public Exemption grant(Caller caller, UUID householdId, Reason reason, String note, Period period) {
        Household household = em.find(Household.class, householdId);
        if (household == null) {
            throw ProblemException.invalidField("householdId", "aucun foyer ne porte cet identifiant");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (reason == Reason.OTHER && cleanNote == null) {
            throw ProblemException.invalidField("note", "dites la raison de l'exemption");
        }
        requireValid(period, household);
        UUID id = UUID.randomUUID();
        standings.lock(householdId);
        em.createNativeQuery("""
                insert into volunteer_exemption (id, household_id, reason, note, starts_on, ends_on, adults, granted_by,
                                                 granted_at)
                values (:id, :household, :reason, :note, :startsOn, :endsOn, :adults, :by, :now)""")
                .unwrap(org.hibernate.query.NativeQuery.class).setParameter("id", id)
                .setParameter("household", householdId).setParameter("reason", reason.name())
                .setParameter("note", cleanNote, String.class).setParameter("startsOn", period.startsOn())
                .setParameter("endsOn", period.endsOn(), LocalDate.class)
                .setParameter("adults", period.adults(), Integer.class)
                .setParameter("by", members.idOf(caller), UUID.class).setParameter("now", clock.instant())
                .executeUpdate();
        standings.refresh(householdId);
        return exemptions(" and e.id = :id", Map.of("id", id), 1).get(0);
    }

    public void revoke(Caller caller, UUID id) {
        List<?> household = em.createNativeQuery("select household_id from volunteer_exemption where id = :id"
                + " and revoked_at is null", UUID.class).setParameter("id", id).getResultList();
        if (household.isEmpty()) {
            throw ProblemException.notFound("Aucune exemption en cours ne porte cet identifiant.");
        }
        standings.lock((UUID) household.get(0));
        em.createNativeQuery("update volunteer_exemption set revoked_at = :now, revoked_by = :by where id = :id")
                .unwrap(org.hibernate.query.NativeQuery.class).setParameter("now", clock.instant())
                .setParameter("by", members.idOf(caller), UUID.class).setParameter("id", id).executeUpdate();
        standings.refresh((UUID) household.get(0));
    }

    /** Not revoked, the latest start first; optionally one household's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<Exemption> exemptions(UUID householdId, Integer limit, String cursor) {
        record After(LocalDate startsOn, UUID id) {
        }
        After after = Cursor.read(cursor, 2, key -> new After(LocalDate.parse(key.get(0)), UUID.fromString(key.get(1))));
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        if (householdId != null) {
            where.append(" and e.household_id = :household");
            params.put("household", householdId);
        }
        if (after != null) {
            where.append(" and (e.starts_on < :afterStart or (e.starts_on = :afterStart and e.id < :afterId))");
            params.put("afterStart", after.startsOn());
            params.put("afterId", after.id());
        }
        int size = Cursor.limit(limit);
        return Cursor.slice(exemptions(where.toString(), params, size + 1), size,
                e -> new String[] { e.startsOn().toString(), e.id().toString() });
    }

    /** The household's exemptions and pauses not over yet, for its account. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Exemption> currentExemptions(UUID householdId) {
        return exemptions(" and e.household_id = :household and (e.ends_on is null or e.ends_on >= :today)",
                Map.of("household", householdId, "today", LocalDate.now(clock)), 50);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Pause> currentPauses(UUID householdId) {
        return pauses(" and p.household_id = :household and p.ends_on >= :today order by p.starts_on",
                Map.of("household", householdId, "today", LocalDate.now(clock)));
    }

    /**
     * A pause of the caller's household, from a day not past, within the yearly limit (days of
     * pause counted in each calendar year the pause touches) and over no other pause.
     */
    public Pause declare(Caller caller, Period period) {
        Member member = members.withHousehold(caller, Standing.Need.BELONGING);
        Household household = em.find(Household.class, member.householdId);
        LocalDate today = LocalDate.now(clock);
        if (period.startsOn().isBefore(today)) {
            throw ProblemException.invalidField("startsOn", "une pause se déclare à l'avance, à partir d'aujourd'hui");
        }
        requireValid(period, household);
        standings.lock(household.id);
        if (!em.createNativeQuery("select 1 from volunteer_pause where household_id = :h and cancelled_at is null"
                + " and starts_on <= :endsOn and ends_on >= :startsOn").setParameter("h", household.id)
                .setParameter("startsOn", period.startsOn()).setParameter("endsOn", period.endsOn()).getResultList()
                .isEmpty()) {
            throw ProblemException.conflict("Une autre pause de votre foyer couvre déjà certains de ces jours :"
                    + " modifiez-la ou choisissez d'autres dates.");
        }
        int allowed = accounts.rules().pauseMaxWeeksPerYear * 7;
        for (int year = period.startsOn().getYear(); year <= period.endsOn().getYear(); year++) {
            LocalDate first = LocalDate.of(year, 1, 1);
            LocalDate last = LocalDate.of(year, 12, 31);
            long taken = ((Number) em.createNativeQuery("""
                    select coalesce(sum(least(ends_on, :last) - greatest(starts_on, :first) + 1), 0)
                    from volunteer_pause where household_id = :h and cancelled_at is null
                      and starts_on <= :last and ends_on >= :first""").setParameter("h", household.id)
                    .setParameter("first", first).setParameter("last", last).getSingleResult()).longValue();
            long asked = days(max(period.startsOn(), first), min(period.endsOn(), last));
            if (taken + asked > allowed) {
                throw new ProblemException(409, PAUSE_LIMIT, "Limite de pause dépassée",
                        "La coopérative permet " + accounts.rules().pauseMaxWeeksPerYear + " semaines de pause par an"
                                + " et votre foyer en a déjà " + taken + " jours en " + year + " : il lui reste "
                                + Math.max(0, allowed - taken) + " jours, et cette pause en compte " + asked + ".",
                        List.of());
            }
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                insert into volunteer_pause (id, household_id, declared_by, starts_on, ends_on, adults, declared_at)
                values (:id, :household, :by, :startsOn, :endsOn, :adults, :now)""")
                .unwrap(org.hibernate.query.NativeQuery.class).setParameter("id", id)
                .setParameter("household", household.id).setParameter("by", member.id)
                .setParameter("startsOn", period.startsOn()).setParameter("endsOn", period.endsOn())
                .setParameter("adults", period.adults(), Integer.class).setParameter("now", clock.instant())
                .executeUpdate();
        standings.refresh(household.id);
        return pauses(" and p.id = :id", Map.of("id", id)).get(0);
    }

    /** A pause not started is cancelled; one under way ends yesterday (cancelled if it started today). */
    public void cancel(Caller caller, UUID pauseId) {
        UUID household = members.householdOf(caller);
        List<Object[]> rows = household == null ? List.of() : SqlValues.rows(em.createNativeQuery(
                "select starts_on, ends_on from volunteer_pause where id = :id and household_id = :h"
                        + " and cancelled_at is null", Object[].class)
                .setParameter("id", pauseId).setParameter("h", household).getResultList());
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Aucune pause de votre foyer ne porte cet identifiant.");
        }
        LocalDate startsOn = SqlValues.date(rows.get(0)[0]);
        LocalDate endsOn = SqlValues.date(rows.get(0)[1]);
        LocalDate today = LocalDate.now(clock);
        if (endsOn.isBefore(today)) {
            throw ProblemException.conflict("Cette pause est déjà terminée : elle reste dans l'histoire de votre foyer.");
        }
        standings.lock(household);
        if (startsOn.isBefore(today)) {
            em.createNativeQuery("update volunteer_pause set ends_on = :yesterday where id = :id")
                    .setParameter("yesterday", today.minusDays(1)).setParameter("id", pauseId).executeUpdate();
        } else {
            em.createNativeQuery("update volunteer_pause set cancelled_at = :now where id = :id")
                    .setParameter("now", clock.instant()).setParameter("id", pauseId).executeUpdate();
        }
        standings.refresh(household);
    }

    private void requireValid(Period period, Household household) {
        if (period.endsOn() != null && period.endsOn().isBefore(period.startsOn())) {
            throw ProblemException.invalidField("endsOn", "doit être le jour du début ou après");
        }
        if (period.adults() != null && period.adults() > household.adults) {
            throw ProblemException.invalidField("adults", "le foyer ne compte que " + household.adults
                    + (household.adults == 1 ? " adulte" : " adultes"));
        }
    }

    private List<Exemption> exemptions(String where, Map<String, Object> params, int max) {
        var query = em.createNativeQuery(EXEMPTIONS + where + " order by e.starts_on desc, e.id desc", Object[].class)
                .setMaxResults(max);
        params.forEach(query::setParameter);
        List<Exemption> list = new ArrayList<>();
        for (Object[] r : SqlValues.rows(query.getResultList())) {
            list.add(new Exemption((UUID) r[0], (UUID) r[1], (String) r[2], Reason.valueOf((String) r[3]), (String) r[4],
                    SqlValues.date(r[5]), SqlValues.date(r[6]), r[7] == null ? null : SqlValues.integer(r[7]),
                    (String) r[8], SqlValues.instant(r[9])));
        }
        return list;
    }

    private List<Pause> pauses(String where, Map<String, Object> params) {
        var query = em.createNativeQuery(PAUSES + where, Object[].class);
        params.forEach(query::setParameter);
        return SqlValues.rows(query.getResultList()).stream().map(r -> new Pause((UUID) r[0], (UUID) r[1],
                SqlValues.date(r[2]), SqlValues.date(r[3]), r[4] == null ? null : SqlValues.integer(r[4]), (String) r[5],
                SqlValues.instant(r[6]))).toList();
    }

    private static long days(LocalDate from, LocalDate to) {
        return java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
