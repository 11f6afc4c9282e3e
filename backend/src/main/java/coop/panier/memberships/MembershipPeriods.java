package coop.panier.memberships;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The period a new membership covers: a year from its start, or, when the co-op works in
 * seasons (PANIER_MEMBERSHIP_SEASON_START=09-01, say), the season that contains its start.
 */
@ApplicationScoped
public class MembershipPeriods {

    /** How long before the end of a membership its renewal opens. */
    static final int RENEWAL_OPENS_DAYS_BEFORE = 60;

    @ConfigProperty(name = "panier.membership.season-start")
    Optional<String> seasonStart;

    public record Period(LocalDate start, LocalDate end) {
    }

    public Period startingOn(LocalDate start) {
        if (seasonStart.isEmpty() || seasonStart.get().isBlank()) {
            return new Period(start, start.plusYears(1).minusDays(1));
        }
        MonthDay season = MonthDay.parse("--" + seasonStart.get().strip());
        LocalDate from = season.atYear(start.getYear());
        if (from.isAfter(start)) {
            from = from.minusYears(1);
        }
        return new Period(start, from.plusYears(1).minusDays(1));
    }
}
