package coop.panier.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import coop.panier.volunteering.HoursAccount.Cover;
import coop.panier.volunteering.HoursAccount.Household;
import coop.panier.volunteering.HoursAccount.Kind;
import coop.panier.volunteering.HoursAccount.Month;
import coop.panier.volunteering.HoursAccount.Rule;
import coop.panier.volunteering.HoursAccount.Standing;
import coop.panier.volunteering.HoursAccount.Sums;

/**
 * The quota's worked examples, in minutes: the co-op's default rule (3 h a month per adult,
 * 30 days of grace, suspension from 12 h behind), households of 1, 2 and 3 adults whose account
 * opens on 1 September 2027. September has 30 days, October 31, November 30.
 */
class HoursAccountTest {

    private static final Rule RULE = new Rule(Kind.HOURS_PER_MONTH, 180, 1, 180, LocalDate.of(2027, 1, 1), 30, 0, 720,
            false, 8);
    private static final LocalDate OPENS = LocalDate.of(2027, 9, 1);
    private static final YearMonth SEPTEMBER = YearMonth.of(2027, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2027, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2027, 11);

    private static Household household(int adults) {
        return new Household(UUID.randomUUID(), "Foyer " + adults, adults, OPENS);
    }

    private static HoursAccount account(int adults, List<Cover> covers, Map<YearMonth, Sums> ledger, LocalDate today) {
        return HoursAccount.compute(RULE, household(adults), covers, ledger, today);
    }

    private static Month month(HoursAccount account, YearMonth month) {
        return account.months().stream().filter(m -> m.month().equals(month)).findFirst().orElseThrow();
    }

    private static Map<YearMonth, Sums> credited(Object... monthAndMinutes) {
        Map<YearMonth, Sums> ledger = new HashMap<>();
        for (int i = 0; i < monthAndMinutes.length; i += 2) {
            ledger.put((YearMonth) monthAndMinutes[i], new Sums((Integer) monthAndMinutes[i + 1], 0, 0));
        }
        return ledger;
    }

    @Test
    void oneTwoAndThreeAdultsOweThreeSixAndNineHoursAMonth() {
        LocalDate october5 = LocalDate.of(2027, 10, 5);
        for (int adults = 1; adults <= 3; adults++) {
            HoursAccount a = account(adults, List.of(), Map.of(), october5);
            assertThat(month(a, SEPTEMBER).required()).isEqualTo(180 * adults);
            assertThat(month(a, SEPTEMBER).balance()).isEqualTo(-180 * adults);
            assertThat(a.currentRequired()).as("October is owed by its end").isEqualTo(180 * adults);
            assertThat(a.balance()).isEqualTo(-180 * adults);
            assertThat(a.toDoThisMonth()).isEqualTo(360 * adults);
        }
    }

    @Test
    void twoAdultsWhoDidFiveHoursOfSixAreOneHourBehindSinceSeptember() {
        HoursAccount a = account(2, List.of(), credited(SEPTEMBER, 300), LocalDate.of(2027, 10, 5));
        assertThat(a.deficit()).isEqualTo(60);
        assertThat(a.standing()).isEqualTo(Standing.ALERT);
        assertThat(a.behindFrom()).isEqualTo(SEPTEMBER);
        assertThat(a.graceEndsOn()).isEqualTo(LocalDate.of(2027, 10, 31));
        assertThat(HoursTexts.sentence(a, List.of(), ZoneId.of("Europe/Paris"))).isEqualTo(
                "Il manque 1 h à votre foyer depuis septembre : 1 h de bénévolat, en créneaux ou en heures déclarées,"
                        + " suffit pour revenir à jour avant le 31 octobre.");
    }

    @Test
    void anExemptionOverHalfOfSeptemberHalvesTheAdultsShare() {
        Cover secondHalf = new Cover(true, LocalDate.of(2027, 9, 16), LocalDate.of(2027, 9, 30), null, "HEALTH");
        assertThat(month(account(1, List.of(secondHalf), Map.of(), LocalDate.of(2027, 10, 5)), SEPTEMBER).required())
                .isEqualTo(90);
        Cover oneOfTwo = new Cover(true, LocalDate.of(2027, 9, 16), LocalDate.of(2027, 9, 30), 1, "PARENTAL_LEAVE");
        assertThat(month(account(2, List.of(oneOfTwo), Map.of(), LocalDate.of(2027, 10, 5)), SEPTEMBER).required())
                .as("the other adult still owes the whole month").isEqualTo(270);
        Cover octoberHalf = new Cover(true, LocalDate.of(2027, 10, 17), LocalDate.of(2027, 10, 31), null, "AGE");
        assertThat(month(account(1, List.of(octoberHalf), Map.of(), LocalDate.of(2027, 11, 5)), OCTOBER).required())
                .as("16 days of 31: 180 × 16 / 31 = 92.9, rounded once").isEqualTo(93);
    }

    @Test
    void aPauseOfTwoWeeksInNovemberLeavesSixteenDaysOwed() {
        Cover holidays = new Cover(false, LocalDate.of(2027, 11, 8), LocalDate.of(2027, 11, 21), null, null);
        HoursAccount a = account(2, List.of(holidays), Map.of(), LocalDate.of(2027, 12, 1));
        assertThat(month(a, NOVEMBER).required()).as("360 × 16 / 30").isEqualTo(192);
        HoursAccount during = account(2, List.of(holidays), Map.of(), LocalDate.of(2027, 11, 10));
        assertThat(during.standing()).isEqualTo(Standing.PAUSED);
        assertThat(during.coveredUntil()).isEqualTo(LocalDate.of(2027, 11, 21));
    }

    @Test
    void surplusesAndDeficitsCarryOverFromMonthToMonth() {
        Map<YearMonth, Sums> ledger = credited(SEPTEMBER, 300, OCTOBER, 60);
        HoursAccount november = account(1, List.of(), ledger, LocalDate.of(2027, 11, 10));
        assertThat(month(november, SEPTEMBER).balance()).isEqualTo(120);
        assertThat(month(november, OCTOBER).balance()).as("the surplus of September paid October").isZero();
        assertThat(november.standing()).isEqualTo(Standing.UP_TO_DATE);
        HoursAccount december = account(1, List.of(), ledger, LocalDate.of(2027, 12, 2));
        assertThat(december.deficit()).isEqualTo(180);
        assertThat(december.behindFrom()).as("credits paid the oldest months first").isEqualTo(NOVEMBER);
        assertThat(december.standing()).isEqualTo(Standing.ALERT);
    }

    @Test
    void aGiftIsGivenOnOneSideAndReceivedOnTheOther() {
        Map<YearMonth, Sums> giver = new HashMap<>(credited(SEPTEMBER, 420));
        assertThat(account(1, List.of(), giver, LocalDate.of(2027, 10, 5)).giftable())
                .as("240 ahead after September, 180 of it owed for October").isEqualTo(60);
        giver.put(OCTOBER, new Sums(0, 60, 0));
        HoursAccount given = account(1, List.of(), giver, LocalDate.of(2027, 10, 5));
        assertThat(given.giftable()).isZero();
        assertThat(month(given, OCTOBER).given()).isEqualTo(60);
        assertThat(given.toDoThisMonth()).as("October is paid by what is left").isZero();

        HoursAccount receiver = account(1, List.of(), Map.of(OCTOBER, new Sums(120, 0, 60)), LocalDate.of(2027, 10, 20));
        assertThat(month(receiver, OCTOBER).received()).isEqualTo(60);
        assertThat(receiver.toDoThisMonth()).as("180 owed for September and 180 for October, 180 done").isEqualTo(180);
    }

    @Test
    void behindForLongerThanTheGraceIsSuspendedAndTooFarBehindAtOnce() {
        LocalDate lastDayOfGrace = LocalDate.of(2027, 10, 30);
        assertThat(account(1, List.of(), Map.of(), lastDayOfGrace).standing()).isEqualTo(Standing.ALERT);
        HoursAccount suspended = account(1, List.of(), Map.of(), LocalDate.of(2027, 10, 31));
        assertThat(suspended.standing()).isEqualTo(Standing.SUSPENDED);
        assertThat(suspended.suspension()).isEqualTo(HoursAccount.Suspension.GRACE);
        HoursAccount threeAdults = account(3, List.of(), Map.of(), LocalDate.of(2027, 11, 2));
        assertThat(threeAdults.deficit()).isEqualTo(1080);
        assertThat(threeAdults.suspension()).isEqualTo(HoursAccount.Suspension.THRESHOLD);
        assertThat(HoursTexts.sentence(threeAdults, List.of(new HoursTexts.Suggestion("accueil",
                Instant.parse("2027-11-06T08:00:00Z"), 600, true), new HoursTexts.Suggestion("caisse",
                Instant.parse("2027-11-08T16:00:00Z"), 600, false)), ZoneId.of("Europe/Paris"))).isEqualTo(
                "Votre foyer est suspendu : il lui manque 18 h depuis septembre, or la coopérative suspend dès 12 h"
                        + " de retard ; votre créneau « accueil » du samedi 6 novembre (10 h) et le créneau « caisse » du"
                        + " lundi 8 novembre (10 h) suffisent pour revenir à jour.");
    }

    @Test
    void exemptedAdultsOweNothingAndTheGraceWaitsForThem() {
        Cover health = new Cover(true, LocalDate.of(2027, 10, 1), LocalDate.of(2027, 10, 31), null, "HEALTH");
        HoursAccount during = account(1, List.of(health), Map.of(), LocalDate.of(2027, 10, 10));
        assertThat(during.standing()).isEqualTo(Standing.EXEMPTED);
        assertThat(HoursTexts.sentence(during, List.of(), ZoneId.of("Europe/Paris"))).isEqualTo(
                "Votre foyer est exempté de bénévolat jusqu'au 31 octobre (santé) : aucune heure ne lui est demandée"
                        + " d'ici là ; les 3 h qui manquaient avant restent à rattraper ensuite.");
        HoursAccount after = account(1, List.of(health), Map.of(), LocalDate.of(2027, 11, 5));
        assertThat(after.deficit()).as("September's 3 h; October was exempted").isEqualTo(180);
        assertThat(after.standing()).as("the grace did not run in October").isEqualTo(Standing.ALERT);
        assertThat(after.graceEndsOn()).as("30 days from 1 November").isEqualTo(LocalDate.of(2027, 12, 1));
    }

    @Test
    void anUpToDateHouseholdIsToldWhatIsLeftThisMonth() {
        HoursAccount a = account(2, List.of(), credited(SEPTEMBER, 360, OCTOBER, 150), LocalDate.of(2027, 10, 12));
        assertThat(a.standing()).isEqualTo(Standing.UP_TO_DATE);
        assertThat(HoursTexts.sentence(a, List.of(), ZoneId.of("Europe/Paris"))).isEqualTo(
                "Votre foyer est à jour : il lui reste 3 h 30 à faire d'ici le 31 octobre pour octobre"
                        + " (3 h par adulte et par mois).");
        HoursAccount ahead = account(1, List.of(), credited(SEPTEMBER, 180, OCTOBER, 330), LocalDate.of(2027, 10, 12));
        assertThat(HoursTexts.sentence(ahead, List.of(), ZoneId.of("Europe/Paris"))).isEqualTo(
                "Votre foyer est à jour : les heures d'octobre sont faites, et 2 h 30 d'avance sont reportées sur les"
                        + " mois suivants.");
    }

    @Test
    void withShiftsPerCycleEachAdultOwesTheirShiftsEveryFourWeeks() {
        Rule abcd = new Rule(Kind.SHIFTS_PER_CYCLE, 0, 1, 165, LocalDate.of(2027, 1, 1), 30, 0, 720, false, 8);
        HoursAccount a = HoursAccount.compute(abcd, household(1), List.of(), Map.of(), LocalDate.of(2027, 10, 1));
        assertThat(month(a, SEPTEMBER).required()).as("165 × 30 / 28").isEqualTo(177);
        assertThat(abcd.creditFor(120)).as("an attended shift counts one shift, whatever its length").isEqualTo(165);
        assertThat(RULE.creditFor(150)).isEqualTo(150);
    }

    @Test
    void minutesReadAsAPersonSaysThem() {
        assertThat(HoursTexts.minutes(150)).isEqualTo("2 h 30");
        assertThat(HoursTexts.minutes(240)).isEqualTo("4 h");
        assertThat(HoursTexts.minutes(45)).isEqualTo("45 min");
        assertThat(HoursTexts.minutes(65)).isEqualTo("1 h 05");
        assertThat(HoursTexts.day(LocalDate.of(2027, 12, 1))).isEqualTo("1er décembre");
    }
}
