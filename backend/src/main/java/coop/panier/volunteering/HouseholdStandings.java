package coop.panier.volunteering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import coop.panier.common.SqlValues;
import coop.panier.integrations.EventType;
import coop.panier.integrations.Outbox;
import coop.panier.members.VolunteerStanding;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Where households stand, in words, and the telling of its changes.
 *
 * <p>The standing is always computed from the account when asked (the account page, the
 * ordering gate): it never lags. What is stored (household_standing) is only the standing last
 * told, so that `household.standing_changed` is recorded once per change. It is compared and
 * set under the row's lock, after the account is read under that lock, in two places: in the
 * transaction of every change to a household's hours (a mark, a validation, a gift, an
 * exemption, a pause), so a credit that brings a household back is told at once; and by a job
 * every hour for what only time changes (a month closing, a grace period running out, a pause
 * starting). Whichever instance or request gets the lock first tells the change; the others
 * then find the standing already stored and tell nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HouseholdStandings implements VolunteerStanding {

    /** How far ahead a suspended household is shown shifts to catch up with. */
    private static final Duration SUSPENDED_LOOK_AHEAD = Duration.ofDays(30);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    HoursAccounts accounts;

    @Inject
    Outbox outbox;

    @Override
    public Optional<String> orderingRefusal(UUID householdId) {
        if (!accounts.rules().orderingGate) {
            return Optional.empty();
        }
        HoursAccount account = accounts.of(householdId);
        return account != null && account.orderingBlocked() ? Optional.of(sentence(account)) : Optional.empty();
    }

    /** The household's sentence, with the shifts that would bring it back when it is behind. */
    String sentence(HoursAccount account) {
        return HoursTexts.sentence(account, suggestions(account), clock.getZone());
    }

    /**
     * The shifts that count towards catching up: first those its members hold a seat in, then
     * open ones with a free seat, before the grace period ends (a month ahead when suspended).
     */
    private List<HoursTexts.Suggestion> suggestions(HoursAccount account) {
        if (account.standing() != HoursAccount.Standing.ALERT && account.standing() != HoursAccount.Standing.SUSPENDED) {
            return List.of();
        }
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        Instant until = account.standing() == HoursAccount.Standing.ALERT
                ? account.graceEndsOn().atStartOfDay(zone).toInstant()
                : now.plus(SUSPENDED_LOOK_AHEAD);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select task, starts_at, ends_at, mine from (
                    select s.task, s.starts_at, s.ends_at, s.taken, s.seats, exists (
                        select 1 from shift_signup g join member m on m.id = g.member_id
                        where g.shift_id = s.id and g.status = 'SIGNED_UP' and m.household_id = :household) as mine
                    from shift s where s.status = 'OPEN' and s.starts_at > :now and s.starts_at < :until) s
                where mine or taken < seats
                order by mine desc, starts_at limit 10""", Object[].class)
                .setParameter("household", account.household().id()).setParameter("now", now)
                .setParameter("until", until).getResultList();
        return rows.stream().map(r -> new HoursTexts.Suggestion((String) r[0], SqlValues.instant(r[1]),
                account.rule().creditFor(Duration.between(SqlValues.instant(r[1]), SqlValues.instant(r[2])).toMinutes()), (Boolean) r[3]))
                .toList();
    }

    /**
     * Tells the household's standing if it changed since last told; true when it did. Runs in
     * the caller's transaction, which has written its change to the household's hours.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean refresh(UUID householdId) {
        lock(householdId);
        String told = (String) em.createNativeQuery("select standing from household_standing where household_id = :h")
                .setParameter("h", householdId).getSingleResult();
        HoursAccount account = accounts.of(householdId);
        if (account == null || account.standing().name().equals(told)) {
            return false;
        }
        em.createNativeQuery("update household_standing set standing = :s, since = :now where household_id = :h")
                .setParameter("s", account.standing().name()).setParameter("now", clock.instant())
                .setParameter("h", householdId).executeUpdate();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("householdId", householdId);
        payload.put("from", told);
        payload.put("to", account.standing().name());
        payload.put("balanceMinutes", account.balance());
        payload.put("sentence", sentence(account));
        outbox.record(EventType.HOUSEHOLD_STANDING_CHANGED, householdId, payload);
        return true;
    }

    /**
     * Takes the standing rows of these households, in one order whatever the callers, so that
     * changes to the same household's hours run one after the other (a gift locks both sides).
     * A household never told of is up to date.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void lock(UUID... householdIds) {
        UUID[] ordered = householdIds.clone();
        Arrays.sort(ordered);
        for (UUID id : ordered) {
            em.createNativeQuery("insert into household_standing (household_id, standing, since)"
                    + " values (:h, 'UP_TO_DATE', :now) on conflict (household_id) do nothing")
                    .setParameter("h", id).setParameter("now", clock.instant()).executeUpdate();
            em.createNativeQuery("select 1 from household_standing where household_id = :h for update")
                    .setParameter("h", id).getSingleResult();
        }
    }

    @Scheduled(every = "${panier.volunteering.standing-check:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshDue() {
        refreshAll();
    }

    /**
     * Tells every change that time brought: the accounts are computed all at once, and each
     * household whose standing differs from the one told is refreshed under its lock, in a
     * transaction of its own. Returns how many changes were told.
     */
    public int refreshAll() {
        Map<UUID, String> told = new HashMap<>();
        List<HoursAccount> all = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select household_id, standing from household_standing",
                    Object[].class).getResultList();
            rows.forEach(r -> told.put((UUID) r[0], (String) r[1]));
            return accounts.all();
        });
        int changed = 0;
        for (HoursAccount account : all) {
            UUID id = account.household().id();
            if (!account.standing().name().equals(told.getOrDefault(id, HoursAccount.Standing.UP_TO_DATE.name()))
                    && QuarkusTransaction.requiringNew().call(() -> refresh(id))) {
                changed++;
            }
        }
        return changed;
    }
}
