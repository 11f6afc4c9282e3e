package coop.panier.memberships;

/**
 * A household's size on the OECD-modified scale: 1 for the first adult, 0.5 for each other
 * person aged 14 or over, 0.3 for each child under 14. Kept in tenths so that it stays exact.
 */
public record ConsumptionUnits(int tenths) {

    public static ConsumptionUnits of(int peopleAged14OrOver, int childrenUnder14) {
        if (peopleAged14OrOver < 1) {
            throw new IllegalArgumentException("a household has at least one adult");
        }
        if (childrenUnder14 < 0) {
            throw new IllegalArgumentException("a number of children cannot be negative");
        }
        return new ConsumptionUnits(10 + 5 * (peopleAged14OrOver - 1) + 3 * childrenUnder14);
    }

    /** Monthly income per unit, rounded down to the cent. */
    public long incomePerUnitCents(long monthlyIncomeCents) {
        return Math.floorDiv(monthlyIncomeCents * 10, tenths);
    }

    /** As the API and the people read it: 2.1 for 21 tenths. */
    public double value() {
        return tenths / 10.0;
    }
}
