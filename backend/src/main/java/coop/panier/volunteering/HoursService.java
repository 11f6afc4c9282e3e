package coop.panier.volunteering;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.Csv;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import coop.panier.common.Few;
import coop.panier.common.ProblemException;
import coop.panier.common.SqlValues;
import coop.panier.members.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The hours accounts as people read them: a household's own, with its sentence, exemptions and
 * pauses; the households by balance (« qui est en retard ») and their CSV; the hours given per
 * month; the dashboard's card; and the co-op's rule, which admins edit.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HoursService {

    /** The months an account shows; earlier ones are carried in the balance. */
    static final int MONTHS_SHOWN = 24;

    public record AccountView(HoursAccount account, String sentence, List<CoverService.Exemption> exemptions,
            List<CoverService.Pause> pauses) {
    }

    public record Balance(HoursAccount account, List<String> members, String sentence) {
    }

    public record MonthGiven(YearMonth month, int shiftMinutes, int loggedMinutes, int giftedMinutes) {
    }

    public record Card(int behind, int suspended, int pendingLoggedHours, int creditedThisMonth, Few<Behind> mostBehind) {
    }

    /** A household behind, as the dashboard shows it; `standing` as the contract names it. */
    public record Behind(UUID householdId, String householdName, String standing, int balanceMinutes) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MemberRepository members;

    @Inject
    HoursAccounts accounts;

    @Inject
    HouseholdStandings standings;

    @Inject
    CoverService covers;

    public AccountView mine(Caller caller) {
        UUID household = members.householdOf(caller);
        if (household == null) {
            throw Members.noHousehold();
        }
        return of(household);
    }

    /** An admin reads any household's account; a member, their own (another's is a 404). */
    public AccountView household(Caller caller, UUID householdId) {
        if (!caller.admin() && !householdId.equals(members.householdOf(caller))) {
            throw notFound();
        }
        return of(householdId);
    }

    private AccountView of(UUID householdId) {
        HoursAccount account = accounts.of(householdId);
        if (account == null) {
            throw notFound();
        }
        return new AccountView(account, standings.sentence(account), covers.currentExemptions(householdId),
                covers.currentPauses(householdId));
    }

    /** Where a household sorts among the balances: the most behind first, then by name. */
    private record SortKey(int balance, String name, UUID id) implements Comparable<SortKey> {

        static final Comparator<SortKey> ORDER = Comparator.comparingInt(SortKey::balance)
                .thenComparing(SortKey::name).thenComparing(SortKey::id);

        static SortKey of(HoursAccount a) {
            return new SortKey(a.balance(), a.household().name(), a.household().id());
        }

        @Override
        public int compareTo(SortKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** The most behind first (then by name); optionally one standing only. */
    public Cursor.Slice<Balance> balances(HoursAccount.Standing standing, Integer limit, String cursor) {
        SortKey after = Cursor.read(cursor, 3, key -> new SortKey(Integer.parseInt(key.get(0)), key.get(1),
                UUID.fromString(key.get(2))));
        List<HoursAccount> sorted = accounts.all().stream()
                .filter(a -> standing == null || a.standing() == standing)
                .filter(a -> after == null || SortKey.of(a).compareTo(after) > 0)
                .sorted(Comparator.comparing(SortKey::of)).toList();
        int size = Cursor.limit(limit);
        List<HoursAccount> page = sorted.subList(0, Math.min(sorted.size(), size + 1));
        Map<UUID, List<String>> names = names(page.stream().map(a -> a.household().id()).toList());
        Map<UUID, String> sentences = standings.sentences(page);
        List<Balance> balances = page.stream().map(a -> new Balance(a, names.getOrDefault(a.household().id(), List.of()),
                sentences.get(a.household().id()))).toList();
        return Cursor.slice(balances, size, b -> new String[] { Integer.toString(b.account().balance()),
                b.account().household().name(), b.account().household().id().toString() });
    }

    /** Every household by balance, as a spreadsheet opens it. */
    public byte[] balancesCsv() {
        List<HoursAccount> all = new ArrayList<>(accounts.all());
        all.sort(Comparator.comparing(SortKey::of));
        Map<UUID, List<String>> names = names(all.stream().map(a -> a.household().id()).toList());
        Csv csv = new Csv().row("Foyer", "Adultes", "Adhérents", "Situation", "Solde (h)", "Requis ce mois (h)",
                "Fait ce mois (h)", "En retard depuis");
        for (HoursAccount a : all) {
            HoursAccount.Month current = a.currentMonth();
            csv.row(a.household().name(), Integer.toString(a.household().adults()),
                    String.join(", ", names.getOrDefault(a.household().id(), List.of())), standingText(a.standing()),
                    hours(a.balance()), hours(a.currentRequired()), hours(current == null ? 0 : current.credited()),
                    a.behindFrom() == null ? "" : a.behindFrom().toString());
        }
        return csv.bytes();
    }

    /** The hours credited and given each month, the current month last. */
    public List<MonthGiven> perMonth(int months) {
        YearMonth now = YearMonth.now(clock);
        YearMonth first = now.minusMonths(months - 1L);
        Map<YearMonth, int[]> sums = new HashMap<>();
        for (Object[] r : SqlValues.rows(em.createNativeQuery("""
                select to_char(counts_on, 'YYYY-MM'),
                       coalesce(sum(minutes) filter (where kind in ('SHIFT', 'REVERSAL')), 0),
                       coalesce(sum(minutes) filter (where kind = 'LOGGED'), 0),
                       coalesce(sum(minutes) filter (where kind = 'GIFT_RECEIVED'), 0)
                from volunteer_credit where counts_on >= :from and counts_on <= :to group by 1""", Object[].class)
                .setParameter("from", first.atDay(1)).setParameter("to", now.atEndOfMonth()).getResultList())) {
            sums.put(YearMonth.parse((String) r[0]), new int[] { SqlValues.integer(r[1]), SqlValues.integer(r[2]),
                    SqlValues.integer(r[3]) });
        }
        List<MonthGiven> list = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(now); m = m.plusMonths(1)) {
            int[] s = sums.getOrDefault(m, new int[3]);
            list.add(new MonthGiven(m, s[0], s[1], s[2]));
        }
        return list;
    }

    /** The admins' dashboard card: households behind, hours waiting for validation, hours given this month. */
    public Card card(int shown) {
        List<HoursAccount> all = accounts.all();
        List<HoursAccount> behind = all.stream().filter(a -> a.standing() == HoursAccount.Standing.ALERT
                || a.standing() == HoursAccount.Standing.SUSPENDED).sorted(Comparator.comparingInt(HoursAccount::balance))
                .toList();
        int suspended = (int) behind.stream().filter(a -> a.standing() == HoursAccount.Standing.SUSPENDED).count();
        int pending = ((Number) em.createNativeQuery("select count(*) from volunteer_logged_hours where status = 'PENDING'")
                .getSingleResult()).intValue();
        YearMonth now = YearMonth.now(clock);
        int credited = ((Number) em.createNativeQuery("select coalesce(sum(minutes), 0) from volunteer_credit"
                + " where kind in ('SHIFT', 'REVERSAL', 'LOGGED') and counts_on >= :from and counts_on <= :to")
                .setParameter("from", now.atDay(1)).setParameter("to", now.atEndOfMonth()).getSingleResult()).intValue();
        return new Card(behind.size(), suspended, pending, credited,
                new Few<>(behind.size(), behind.subList(0, Math.min(shown, behind.size())).stream()
                        .map(a -> new Behind(a.household().id(), a.household().name(), a.standing().name(), a.balance()))
                        .toList()));
    }

    public VolunteerRules rules() {
        return accounts.rules();
    }

    /** The whole rule, with the version read; the accounts follow it at once. */
    @Transactional
    public VolunteerRules updateRules(String ifMatch, VolunteerRules changed) {
        VolunteerRules rules = accounts.rules();
        ETags.requireCurrent(ifMatch, rules.version);
        if (changed.suspendAfterMinutes <= changed.alertAfterMinutes) {
            throw ProblemException.invalidField("suspendAfterMinutes", "doit être plus grand que alertAfterMinutes");
        }
        rules.kind = changed.kind;
        rules.minutesPerAdult = changed.minutesPerAdult;
        rules.shiftsPerCycle = changed.shiftsPerCycle;
        rules.shiftMinutes = changed.shiftMinutes;
        rules.countingFrom = changed.countingFrom;
        rules.graceDays = changed.graceDays;
        rules.alertAfterMinutes = changed.alertAfterMinutes;
        rules.suspendAfterMinutes = changed.suspendAfterMinutes;
        rules.orderingGate = changed.orderingGate;
        rules.pauseMaxWeeksPerYear = changed.pauseMaxWeeksPerYear;
        em.flush();
        return rules;
    }

    private Map<UUID, List<String>> names(List<UUID> householdIds) {
        Map<UUID, List<String>> names = new HashMap<>();
        members.inHouseholds(householdIds).forEach((household, list) -> names.put(household, list.stream()
                .filter(m -> m.status != coop.panier.members.MemberStatus.LEFT)
                .map(m -> m.firstName + " " + m.lastName).toList()));
        return names;
    }

    static String standingText(HoursAccount.Standing standing) {
        return switch (standing) {
            case UP_TO_DATE -> "à jour";
            case ALERT -> "en alerte";
            case SUSPENDED -> "suspendu";
            case EXEMPTED -> "exempté";
            case PAUSED -> "en pause";
        };
    }

    /** 150 minutes as « 2,5 ». */
    private static String hours(int minutes) {
        return Csv.decimal(java.math.BigDecimal.valueOf(minutes).divide(java.math.BigDecimal.valueOf(60), 2,
                java.math.RoundingMode.HALF_UP));
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Aucun foyer ne porte cet identifiant.");
    }
}
