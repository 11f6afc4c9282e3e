package coop.panier.volunteering;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import coop.panier.common.SqlValues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Reads what the accounts are computed from, for one household or all of them at once (three
 * queries whatever their number): the rule, the households, their exemptions and pauses, and
 * their ledger summed by month. {@link HoursAccount} does the arithmetic.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HoursAccounts {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    VolunteerRules rules() {
        return em.find(VolunteerRules.class, true);
    }

    /** The household's account today; null when there is no such household. */
    HoursAccount of(UUID householdId) {
        List<HoursAccount> one = load(householdId, rules().rule());
        return one.isEmpty() ? null : one.get(0);
    }

    /** The accounts of every household with a member who has not left. */
    List<HoursAccount> all() {
        return load(null, rules().rule());
    }

    private List<HoursAccount> load(UUID only, HoursAccount.Rule rule) {
        LocalDate today = LocalDate.now(clock);
        String zone = clock.getZone().getId();
        String households = only != null ? "h.id = :only"
                : "exists (select 1 from member m where m.household_id = h.id and m.status <> 'LEFT')";
        var householdQuery = em.createNativeQuery("select h.id, h.name, h.adults, cast(h.created_at at time zone :zone as date)"
                + " from household h where " + households + " order by h.id", Object[].class).setParameter("zone", zone);
        String covered = only != null ? " and household_id = :only" : "";
        var coverQuery = em.createNativeQuery("select household_id, true, starts_on, ends_on, adults, reason"
                + " from volunteer_exemption where revoked_at is null" + covered
                + " union all select household_id, false, starts_on, ends_on, adults, null"
                + " from volunteer_pause where cancelled_at is null" + covered, Object[].class);
        var ledgerQuery = em.createNativeQuery("""
                select household_id, to_char(counts_on, 'YYYY-MM'),
                       coalesce(sum(minutes) filter (where kind in ('SHIFT', 'REVERSAL', 'LOGGED')), 0),
                       coalesce(-sum(minutes) filter (where kind = 'GIFT_GIVEN'), 0),
                       coalesce(sum(minutes) filter (where kind = 'GIFT_RECEIVED'), 0)
                from volunteer_credit where counts_on <= :today""" + (only != null ? " and household_id = :only" : "")
                + " group by 1, 2", Object[].class).setParameter("today", today);
        if (only != null) {
            householdQuery.setParameter("only", only);
            coverQuery.setParameter("only", only);
            ledgerQuery.setParameter("only", only);
        }
        Map<UUID, List<HoursAccount.Cover>> covers = new HashMap<>();
        for (Object[] r : SqlValues.rows(coverQuery.getResultList())) {
            covers.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new HoursAccount.Cover((Boolean) r[1],
                    SqlValues.date(r[2]), SqlValues.date(r[3]), r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5]));
        }
        Map<UUID, Map<YearMonth, HoursAccount.Sums>> ledger = new HashMap<>();
        for (Object[] r : SqlValues.rows(ledgerQuery.getResultList())) {
            ledger.computeIfAbsent((UUID) r[0], k -> new HashMap<>()).put(YearMonth.parse((String) r[1]),
                    new HoursAccount.Sums(((Number) r[2]).intValue(), ((Number) r[3]).intValue(),
                            ((Number) r[4]).intValue()));
        }
        List<HoursAccount> accounts = new ArrayList<>();
        for (Object[] r : SqlValues.rows(householdQuery.getResultList())) {
            UUID id = (UUID) r[0];
            LocalDate created = SqlValues.date(r[3]);
            LocalDate opensOn = created.isAfter(rule.countingFrom()) ? created : rule.countingFrom();
            accounts.add(HoursAccount.compute(rule, new HoursAccount.Household(id, (String) r[1],
                    ((Number) r[2]).intValue(), opensOn), covers.getOrDefault(id, List.of()),
                    ledger.getOrDefault(id, Map.of()), today));
        }
        return accounts;
    }
}
