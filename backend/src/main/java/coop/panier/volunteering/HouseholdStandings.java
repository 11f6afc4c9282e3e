package coop.panier.volunteering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

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

    /** How many shifts a sentence is computed from, at most. */
    private static final int SUGGESTED = 10;

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
        return sentences(List.of(account)).get(account.household().id());
    }

    /** The sentences of these households, by household; the shifts they could take read in two queries whatever their number. */
    Map<UUID, String> sentences(List<HoursAccount> accounts) {
        Map<UUID, List<HoursTexts.Suggestion>> suggestions = suggestions(accounts.stream()
                .filter(a -> a.standing() == HoursAccount.Standing.ALERT || a.standing() == HoursAccount.Standing.SUSPENDED)
                .toList());
        Map<UUID, String> sentences = new HashMap<>();
        for (HoursAccount a : accounts) {
            sentences.put(a.household().id(), HoursTexts.sentence(a, suggestions.getOrDefault(a.household().id(), List.of()),
                    clock.getZone()));
        }
        return sentences;
    }

    /** A shift that could count, and the household holding a seat in it (null: one with a free seat). */
    private record Open(UUID id, String task, Instant startsAt, Instant endsAt, UUID household) {
    }

    /**
     * For each household behind, up to {@value #SUGGESTED} shifts that count towards catching up:
     * first those its members hold a seat in, then open ones with a free seat, before its grace
     * period ends (a month ahead when suspended). The earliest {@value #SUGGESTED} shifts with a
     * free seat are enough for every household: at most as many of them are its own.
     */
    private Map<UUID, List<HoursTexts.Suggestion>> suggestions(List<HoursAccount> behind) {
        if (behind.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        Map<UUID, Instant> untils = new HashMap<>();
        for (HoursAccount a : behind) {
            untils.put(a.household().id(), a.standing() == HoursAccount.Standing.ALERT
                    ? a.graceEndsOn().atStartOfDay(clock.getZone()).toInstant()
                    : now.plus(SUSPENDED_LOOK_AHEAD));
        }
        Instant until = untils.values().stream().max(Instant::compareTo).orElseThrow();
        List<Open> free = open(em.createNativeQuery("""
                select s.id, s.task, s.starts_at, s.ends_at, cast(null as uuid) from shift s
                where s.status = 'OPEN' and s.starts_at > :now and s.starts_at < :until and s.taken < s.seats
                order by s.starts_at, s.id limit""" + " " + SUGGESTED, Object[].class)
                .setParameter("now", now).setParameter("until", until).getResultList());
        List<Open> held = open(em.createNativeQuery("""
                select distinct s.id, s.task, s.starts_at, s.ends_at, m.household_id
                from shift s join shift_signup g on g.shift_id = s.id and g.status = 'SIGNED_UP'
                     join member m on m.id = g.member_id
                where s.status = 'OPEN' and s.starts_at > :now and s.starts_at < :until and m.household_id in (:households)
                order by s.starts_at, s.id""", Object[].class)
                .setParameter("now", now).setParameter("until", until).setParameter("households", untils.keySet())
                .getResultList());
        Map<UUID, List<HoursTexts.Suggestion>> suggestions = new HashMap<>();
        for (HoursAccount a : behind) {
            UUID household = a.household().id();
            Instant before = untils.get(household);
            List<Open> mine = held.stream().filter(o -> o.household().equals(household) && o.startsAt().isBefore(before))
                    .toList();
            Stream<Open> others = free.stream().filter(o -> o.startsAt().isBefore(before)
                    && mine.stream().noneMatch(m -> m.id().equals(o.id())));
            suggestions.put(household, Stream.concat(mine.stream(), others).limit(SUGGESTED)
                    .map(o -> new HoursTexts.Suggestion(o.task(), o.startsAt(),
                            a.rule().creditFor(Duration.between(o.startsAt(), o.endsAt()).toMinutes()), o.household() != null))
                    .toList());
        }
        return suggestions;
    }

    private static List<Open> open(List<?> rows) {
        return SqlValues.rows(rows).stream().map(r -> new Open((UUID) r[0], (String) r[1], SqlValues.instant(r[2]),
                SqlValues.instant(r[3]), (UUID) r[4])).toList();
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
