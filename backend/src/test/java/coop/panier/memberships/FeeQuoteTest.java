package coop.panier.memberships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import coop.panier.api.model.FieldError;

/** The design's example scale: A under 600 €/unit → 10 €, B under 1,000 € → 20 €, C under 1,600 € → 40 €, D → 60 €. */
class FeeQuoteTest {

    private static final List<Bracket> EXAMPLE = List.of(
            new Bracket("A", "Moins de 600 €", 60_000L, 1_000),
            new Bracket("B", "De 600 à 1 000 €", 100_000L, 2_000),
            new Bracket("C", "De 1 000 à 1 600 €", 160_000L, 4_000),
            new Bracket("D", "1 600 € et plus", null, 6_000));
    private static final Brackets SCALE = Brackets.validate(EXAMPLE, new java.util.ArrayList<>());

    @Test
    void aSingleAdultIsOneUnit() {
        FeeQuote quote = FeeQuote.compute(SCALE, ConsumptionUnits.of(1, 0), 150_000);
        assertThat(quote.units().value()).isEqualTo(1.0);
        assertThat(quote.incomePerUnitCents()).isEqualTo(150_000);
        assertThat(quote.bracket().code()).isEqualTo("C");
        assertThat(quote.feeCents()).isEqualTo(4_000);
    }

    @Test
    void aCoupleWithTwoChildrenUnder14Is2Point1Units() {
        FeeQuote quote = FeeQuote.compute(SCALE, ConsumptionUnits.of(2, 2), 250_000);
        assertThat(quote.units().value()).isEqualTo(2.1);
        assertThat(quote.incomePerUnitCents()).isEqualTo(119_047); // 2,500 € / 2.1, rounded down
        assertThat(quote.bracket().code()).isEqualTo("C");
    }

    @Test
    void threeAdultsAreTwoUnits() {
        FeeQuote quote = FeeQuote.compute(SCALE, ConsumptionUnits.of(3, 0), 180_000);
        assertThat(quote.units().value()).isEqualTo(2.0);
        assertThat(quote.incomePerUnitCents()).isEqualTo(90_000);
        assertThat(quote.bracket().code()).isEqualTo("B");
        assertThat(quote.feeCents()).isEqualTo(2_000);
    }

    @Test
    void anIncomeExactlyOnABoundBelongsToTheNextBracket() {
        assertThat(FeeQuote.compute(SCALE, ConsumptionUnits.of(1, 0), 59_999).bracket().code()).isEqualTo("A");
        assertThat(FeeQuote.compute(SCALE, ConsumptionUnits.of(1, 0), 60_000).bracket().code()).isEqualTo("B");
        assertThat(FeeQuote.compute(SCALE, ConsumptionUnits.of(2, 0), 240_000).bracket().code()).isEqualTo("D");
        assertThat(FeeQuote.compute(SCALE, ConsumptionUnits.of(1, 0), 0).bracket().code()).isEqualTo("A");
    }

    @Test
    void aHouseholdHasAnAdult() {
        assertThatThrownBy(() -> ConsumptionUnits.of(0, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScaleWithDisorderedBoundsSeveralOpenEndsAndNegativeFeesIsRefusedFieldByField() {
        List<FieldError> errors = Brackets.problemsOf(List.of(
                new Bracket("A", "a", 100_000L, 1_000),
                new Bracket("B", "b", 100_000L, -5),
                new Bracket("C", "c", null, 4_000),
                new Bracket("A", "d", null, 6_000)));

        assertThat(errors).extracting(FieldError::getField, FieldError::getMessage).containsExactly(
                org.assertj.core.groups.Tuple.tuple("brackets[1].feeCents", "la cotisation ne peut pas être négative"),
                org.assertj.core.groups.Tuple.tuple("brackets[1].upperBoundCents", "les plafonds doivent être strictement croissants"),
                org.assertj.core.groups.Tuple.tuple("brackets[2].upperBoundCents", "seule la dernière tranche est sans plafond"),
                org.assertj.core.groups.Tuple.tuple("brackets[3].code", "code déjà utilisé par une autre tranche"));
    }

    @Test
    void aScaleWhoseLastBracketHasABoundIsRefused() {
        assertThat(Brackets.problemsOf(List.of(new Bracket("A", "a", 100_000L, 1_000))))
                .extracting(FieldError::getField).containsExactly("brackets[0].upperBoundCents");
        assertThat(Brackets.problemsOf(List.of())).extracting(FieldError::getField).containsExactly("brackets");
    }
}
