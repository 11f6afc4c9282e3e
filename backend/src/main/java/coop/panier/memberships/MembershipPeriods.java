package coop.panier.memberships;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The period a new membership covers: a year from its start, or, when the co-op works in
 * seasons (PANIER_MEMBERSHIP_SEASON_START=09-01, say), the season that contains its start.
 * With seasons, PANIER_MEMBERSHIP_LATE_JOIN_DAYS=30 (say) makes someone joining in the last 30
 * days of a season a member until the end of the next one: the days left are free, and the fee
 * is the next season's.
 */
@ApplicationScoped
public class MembershipPeriods {

    /** How long before the end of a membership its renewal opens. */
    static final int RENEWAL_OPENS_DAYS_BEFORE = 60;

    @ConfigProperty(name = "panier.membership.season-start")
    Optional<String> seasonStart;

    /** With seasons: joining this many days before a season ends or fewer counts for the next season; 0 is off. */
    @ConfigProperty(name = "panier.membership.late-join-days", defaultValue = "0")
    int lateJoinDays;

    /**
     * From start to end; the fee is that of the scale in force on `pricedOn`: the start, or the
     * first day of the next season for a late joiner.
     */
    public record Period(LocalDate start, LocalDate end, LocalDate pricedOn) {

        public Period(LocalDate start, LocalDate end) {
            this(start, end, start);
        }
    }

    public Period startingOn(LocalDate start) {
        if (seasonStart.isEmpty() || seasonStart.get().isBlank()) {
            return new Period(start, start.plusYears(1).minusDays(1));
        }
        MonthDay season = MonthDay.parse("--" + seasonStart.get().strip());
        LocalDate from = season.atYear(start.getYear());
        if (from.isAfter(start)) {
            from = season.atYear(start.getYear() - 1);
        }
        LocalDate next = season.atYear(from.getYear() + 1);
        // The days from the start to the season's last day, both counted, are lateJoinDays or fewer.
        if (lateJoinDays > 0 && !start.isBefore(next.minusDays(lateJoinDays))) {
            return new Period(start, season.atYear(next.getYear() + 1).minusDays(1), next);
        }
        return new Period(start, next.minusDays(1));
    }
}
