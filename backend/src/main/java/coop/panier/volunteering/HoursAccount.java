package coop.panier.volunteering;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A household's hours account, month by month, and the standing it gives: plain arithmetic on
 * what {@link HoursAccounts} read, so that the rules read in one place and test without a
 * database. Everything is in whole minutes.
 *
 * <p><b>Required.</b> Each day of a month from the day the account opens, every adult of the
 * household not covered by an exemption or a pause owes a share of the rule: with
 * {@code HOURS_PER_MONTH}, {@code minutesPerAdult / days in the month}; with
 * {@code SHIFTS_PER_CYCLE}, {@code shiftsPerCycle × shiftMinutes / 28}. A month's requirement is
 * the sum of those shares, rounded once to the nearest minute (so 3 h over half of a 30-day
 * month is 1 h 30). Children never count.
 *
 * <p><b>Balance.</b> At the end of each month: the balance carried from the month before, plus
 * what was credited (shifts attended, logged hours validated, reversals) and received, minus what
 * was given and required. Surpluses and deficits carry over without limit. The current month is
 * not closed: its requirement is due by its last day, so the household's balance today is the
 * closed balance plus what the current month brought so far.
 *
 * <p><b>Standing.</b> Exempted when exemptions cover all its adults today; paused when
 * exemptions and pauses do; otherwise up to date while the deficit is at most
 * {@code alertAfterMinutes}; beyond, on alert, and suspended once the deficit reaches
 * {@code suspendAfterMinutes} or has lasted the grace period. Credits pay the oldest
 * requirement first, so the deficit dates from the oldest month still unpaid; the grace period
 * runs from the day after that month, not counting the days all adults were covered.
 */
record HoursAccount(Household household, Rule rule, LocalDate today, List<Month> months, int closedBalance,
        int currentNet, int currentRequired, int deficit, YearMonth behindFrom, LocalDate graceEndsOn,
        Standing standing, Suspension suspension, LocalDate coveredUntil, Set<String> coverReasons) {

    enum Standing {
        UP_TO_DATE, ALERT, SUSPENDED, EXEMPTED, PAUSED
    }

    enum Kind {
        HOURS_PER_MONTH, SHIFTS_PER_CYCLE
    }

    /** Why a household is suspended: it is too far behind, or behind for too long. */
    enum Suspension {
        THRESHOLD, GRACE
    }

    /** The co-op's rule, as admins set it (see {@link VolunteerRules}). */
    record Rule(Kind kind, int minutesPerAdult, int shiftsPerCycle, int shiftMinutes, LocalDate countingFrom,
            int graceDays, int alertAfterMinutes, int suspendAfterMinutes, boolean orderingGate, int pauseMaxWeeksPerYear) {

        /** What one attended shift credits: its length, or with shifts per cycle, one shift's worth. */
        int creditFor(long shiftLengthMinutes) {
            return kind == Kind.SHIFTS_PER_CYCLE ? shiftMinutes : (int) Math.min(shiftLengthMinutes, 6000);
        }
    }

    /** The account opens on the later of the co-op's first counted day and the household's creation. */
    record Household(UUID id, String name, int adults, LocalDate opensOn) {
    }

    /** An exemption or a pause: from startsOn to endsOn (null: open-ended), for `adults` of them (null: all). */
    record Cover(boolean exemption, LocalDate startsOn, LocalDate endsOn, Integer adults, String reason) {

        boolean covers(LocalDate day) {
            return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
        }
    }

    /** What the ledger holds for one month: credited (signed: reversals count), given and received, all ≥ 0 but credited. */
    record Sums(int credited, int given, int received) {

        static final Sums NONE = new Sums(0, 0, 0);
    }

    /** One line of the account; for the current month, `balance` is what it will be at its end if nothing more is done. */
    record Month(YearMonth month, int required, int credited, int given, int received, int balance, boolean current) {
    }

    static HoursAccount compute(Rule rule, Household household, List<Cover> covers, Map<YearMonth, Sums> ledger,
            LocalDate today) {
        YearMonth now = YearMonth.from(today);
        YearMonth first = YearMonth.from(household.opensOn());
        for (YearMonth m : ledger.keySet()) {
            if (m.isBefore(first)) {
                first = m;
            }
        }
        List<Month> months = new ArrayList<>();
        int balance = 0;
        int currentNet = 0;
        int currentRequired = 0;
        for (YearMonth m = first; !m.isAfter(now); m = m.plusMonths(1)) {
            Sums sums = ledger.getOrDefault(m, Sums.NONE);
            int required = required(rule, household, covers, m);
            int net = sums.credited() + sums.received() - sums.given();
            if (m.equals(now)) {
                currentNet = net;
                currentRequired = required;
                months.add(new Month(m, required, sums.credited(), sums.given(), sums.received(), balance + net - required,
                        true));
            } else {
                balance += net - required;
                months.add(new Month(m, required, sums.credited(), sums.given(), sums.received(), balance, false));
            }
        }
        int deficit = Math.max(0, -(balance + currentNet));

        int adults = household.adults();
        int exempted = exemptedAdults(covers, today, adults);
        if (exempted >= adults) {
            return new HoursAccount(household, rule, today, months, balance, currentNet, currentRequired, deficit, null,
                    null, Standing.EXEMPTED, null, coveredUntil(covers, today, adults, true), reasons(covers, today));
        }
        if (coveredAdults(covers, today, adults) >= adults) {
            return new HoursAccount(household, rule, today, months, balance, currentNet, currentRequired, deficit, null,
                    null, Standing.PAUSED, null, coveredUntil(covers, today, adults, false), reasons(covers, today));
        }
        if (deficit <= rule.alertAfterMinutes()) {
            return new HoursAccount(household, rule, today, months, balance, currentNet, currentRequired, deficit, null,
                    null, Standing.UP_TO_DATE, null, null, Set.of());
        }
        YearMonth behindFrom = oldestUnpaid(months, deficit);
        LocalDate since = behindFrom == null ? now.atDay(1) : behindFrom.plusMonths(1).atDay(1);
        long coveredDays = 0;
        for (LocalDate d = since; d.isBefore(today); d = d.plusDays(1)) {
            if (coveredAdults(covers, d, adults) >= adults) {
                coveredDays++;
            }
        }
        LocalDate graceEnds = since.plusDays(rule.graceDays() + coveredDays);
        Suspension suspension = deficit >= rule.suspendAfterMinutes() ? Suspension.THRESHOLD
                : today.isBefore(graceEnds) ? null : Suspension.GRACE;
        return new HoursAccount(household, rule, today, months, balance, currentNet, currentRequired, deficit,
                behindFrom == null ? now : behindFrom, graceEnds,
                suspension == null ? Standing.ALERT : Standing.SUSPENDED, suspension, null, Set.of());
    }

    /** The household's balance today: closed months plus what this month brought so far (negative: behind). */
    int balance() {
        return closedBalance + currentNet;
    }

    /** What is left to do by the end of this month to end it even (the deficit included). */
    int toDoThisMonth() {
        return Math.max(0, currentRequired - balance());
    }

    /** What the household may give: what it has beyond everything owed up to the end of this month. */
    int giftable() {
        return Math.max(0, balance() - currentRequired);
    }

    /** Ordering is blocked: the co-op turned the gate on and the household is suspended. */
    boolean orderingBlocked() {
        return rule.orderingGate() && standing == Standing.SUSPENDED;
    }

    Month currentMonth() {
        return months.isEmpty() ? null : months.get(months.size() - 1);
    }

    /** The month's requirement, over the days from the account's opening, rounded once. */
    static int required(Rule rule, Household household, List<Cover> covers, YearMonth month) {
        LocalDate from = month.atDay(1);
        if (household.opensOn().isAfter(from)) {
            from = household.opensOn();
        }
        long adultDays = 0;
        for (LocalDate d = from; !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            adultDays += household.adults() - coveredAdults(covers, d, household.adults());
        }
        long numerator;
        long denominator;
        if (rule.kind() == Kind.SHIFTS_PER_CYCLE) {
            numerator = (long) rule.shiftsPerCycle() * rule.shiftMinutes() * adultDays;
            denominator = 28;
        } else {
            numerator = (long) rule.minutesPerAdult() * adultDays;
            denominator = month.lengthOfMonth();
        }
        return (int) ((numerator * 2 + denominator) / (denominator * 2));
    }

    static int coveredAdults(List<Cover> covers, LocalDate day, int adults) {
        int covered = 0;
        for (Cover c : covers) {
            if (c.covers(day)) {
                covered += c.adults() == null ? adults : c.adults();
            }
        }
        return Math.min(covered, adults);
    }

    private static int exemptedAdults(List<Cover> covers, LocalDate day, int adults) {
        return coveredAdults(covers.stream().filter(Cover::exemption).toList(), day, adults);
    }

    /** The last day of the coverage that holds today (exemptions alone, or with pauses); null when open-ended. */
    private static LocalDate coveredUntil(List<Cover> covers, LocalDate today, int adults, boolean exemptionsOnly) {
        LocalDate horizon = today.plusYears(5);
        LocalDate d = today;
        while (d.isBefore(horizon)) {
            LocalDate next = d.plusDays(1);
            int covered = exemptionsOnly ? exemptedAdults(covers, next, adults) : coveredAdults(covers, next, adults);
            if (covered < adults) {
                return d;
            }
            d = next;
        }
        return null;
    }

    private static Set<String> reasons(List<Cover> covers, LocalDate today) {
        Set<String> reasons = new LinkedHashSet<>();
        covers.stream().filter(c -> c.covers(today)).forEach(c -> reasons.add(c.exemption() ? c.reason() : "PAUSE"));
        return reasons;
    }

    /**
     * The oldest month whose requirement is still unpaid, credits paying the oldest first: going
     * back from the last closed month, the months whose requirements make up the deficit.
     */
    private static YearMonth oldestUnpaid(List<Month> months, int deficit) {
        long owed = 0;
        YearMonth oldest = null;
        for (int i = months.size() - 1; i >= 0; i--) {
            Month m = months.get(i);
            if (m.current()) {
                continue;
            }
            if (m.required() > 0) {
                owed += m.required();
                oldest = m.month();
                if (owed >= deficit) {
                    return oldest;
                }
            }
        }
        return oldest;
    }
}
