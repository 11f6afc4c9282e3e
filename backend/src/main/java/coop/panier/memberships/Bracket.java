package coop.panier.memberships;

/**
 * One bracket (tranche) of a scale: households whose monthly income per consumption unit is
 * under `upperBoundCents` pay `feeCents` a year. The last bracket is open-ended (null bound).
 */
public record Bracket(String code, String label, Long upperBoundCents, long feeCents) {

    boolean contains(long incomePerUnitCents) {
        return upperBoundCents == null || incomePerUnitCents < upperBoundCents;
    }
}
