package coop.panier.memberships;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MembershipPeriodsTest {

    private static MembershipPeriods periods(String seasonStart) {
        return periods(seasonStart, 0);
    }

    private static MembershipPeriods periods(String seasonStart, int lateJoinDays) {
        MembershipPeriods periods = new MembershipPeriods();
        periods.seasonStart = Optional.ofNullable(seasonStart);
        periods.lateJoinDays = lateJoinDays;
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

    @Test
    void aLateJoinerIsAMemberUntilTheEndOfTheNextSeasonAtItsFee() {
        MembershipPeriods september = periods("09-01", 30);
        // 2 August to 31 August: the last 30 days of the season.
        assertThat(september.startingOn(LocalDate.of(2026, 8, 2))).isEqualTo(new MembershipPeriods.Period(
                LocalDate.of(2026, 8, 2), LocalDate.of(2027, 8, 31), LocalDate.of(2026, 9, 1)));
        assertThat(september.startingOn(LocalDate.of(2026, 8, 31))).isEqualTo(new MembershipPeriods.Period(
                LocalDate.of(2026, 8, 31), LocalDate.of(2027, 8, 31), LocalDate.of(2026, 9, 1)));
        // 1 August is 31 days before the end: this season only, at its own fee.
        assertThat(september.startingOn(LocalDate.of(2026, 8, 1))).isEqualTo(new MembershipPeriods.Period(
                LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31), LocalDate.of(2026, 8, 1)));
        assertThat(september.startingOn(LocalDate.of(2026, 9, 1))).isEqualTo(new MembershipPeriods.Period(
                LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31), LocalDate.of(2026, 9, 1)));
        // A season starting in January: the late days straddle the new year.
        assertThat(periods("01-01", 10).startingOn(LocalDate.of(2026, 12, 25))).isEqualTo(new MembershipPeriods.Period(
                LocalDate.of(2026, 12, 25), LocalDate.of(2027, 12, 31), LocalDate.of(2027, 1, 1)));
    }

    @Test
    void withoutTheLateJoinSettingOrWithoutSeasonsTheLastDaysOfASeasonAreThatSeasonOnly() {
        assertThat(periods("09-01", 0).startingOn(LocalDate.of(2026, 8, 31))).isEqualTo(new MembershipPeriods.Period(
                LocalDate.of(2026, 8, 31), LocalDate.of(2026, 8, 31), LocalDate.of(2026, 8, 31)));
        assertThat(periods(null, 30).startingOn(LocalDate.of(2026, 8, 31))).isEqualTo(new MembershipPeriods.Period(
                LocalDate.of(2026, 8, 31), LocalDate.of(2027, 8, 30), LocalDate.of(2026, 8, 31)));
    }
}
