package coop.panier.memberships;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MembershipPeriodsTest {

    private static MembershipPeriods periods(String seasonStart) {
        MembershipPeriods periods = new MembershipPeriods();
        periods.seasonStart = Optional.ofNullable(seasonStart);
        return periods;
    }

    @Test
    void withoutSeasonsAMembershipLastsAYearFromItsStart() {
        assertThat(periods(null).startingOn(LocalDate.of(2026, 11, 24)))
                .isEqualTo(new MembershipPeriods.Period(LocalDate.of(2026, 11, 24), LocalDate.of(2027, 11, 23)));
        assertThat(periods(null).startingOn(LocalDate.of(2028, 2, 29)).end()).isEqualTo(LocalDate.of(2029, 2, 27));
    }

    @Test
    void withSeasonsAMembershipEndsWithTheSeasonItStartsIn() {
        MembershipPeriods september = periods("09-01");
        assertThat(september.startingOn(LocalDate.of(2026, 11, 24)).end()).isEqualTo(LocalDate.of(2027, 8, 31));
        assertThat(september.startingOn(LocalDate.of(2026, 3, 10)).end()).isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(september.startingOn(LocalDate.of(2026, 9, 1)).end()).isEqualTo(LocalDate.of(2027, 8, 31));
        assertThat(september.startingOn(LocalDate.of(2026, 8, 31)).end()).isEqualTo(LocalDate.of(2026, 8, 31));
    }
}
