package coop.panier.memberships;

/** What a household would pay: computed from a declared income that is then forgotten. */
public record FeeQuote(ConsumptionUnits units, long incomePerUnitCents, Bracket bracket) {

    public static FeeQuote compute(Brackets scale, ConsumptionUnits units, long monthlyIncomeCents) {
        if (monthlyIncomeCents < 0) {
            throw new IllegalArgumentException("an income cannot be negative");
        }
        long perUnit = units.incomePerUnitCents(monthlyIncomeCents);
        return new FeeQuote(units, perUnit, scale.forIncomePerUnit(perUnit));
    }

    public long feeCents() {
        return bracket.feeCents();
    }
}
