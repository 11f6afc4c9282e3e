package coop.panier.memberships;

import java.util.List;

import coop.panier.api.model.MembershipScaleInput;

/** Between the API's membership representations and the domain. */
final class MembershipMapper {

    private MembershipMapper() {
    }

    static coop.panier.api.model.MembershipScale toApi(MembershipScale scale, boolean inUse) {
        return new coop.panier.api.model.MembershipScale()
                .id(scale.id)
                .inUse(inUse)
                .validFrom(scale.validFrom)
                .validTo(scale.validTo)
                .currency(coop.panier.api.model.MembershipScale.CurrencyEnum.EUR)
                .brackets(scale.brackets.stream().map(row -> toApi(row.toBracket())).toList());
    }

    static coop.panier.api.model.Bracket toApi(Bracket bracket) {
        return new coop.panier.api.model.Bracket()
                .code(bracket.code())
                .label(bracket.label())
                .upperBoundCents(bracket.upperBoundCents())
                .feeCents(bracket.feeCents());
    }

    static MembershipScaleService.Period period(MembershipScaleInput input) {
        return new MembershipScaleService.Period(input.getValidFrom(), input.getValidTo());
    }

    static List<Bracket> brackets(MembershipScaleInput input) {
        return input.getBrackets().stream()
                .map(b -> new Bracket(b.getCode(), b.getLabel().strip(), b.getUpperBoundCents(), b.getFeeCents()))
                .toList();
    }

    static coop.panier.api.model.Membership toApi(MembershipService.View view) {
        Membership m = view.membership();
        return new coop.panier.api.model.Membership()
                .id(m.id)
                .householdId(m.householdId)
                .householdName(view.householdName())
                .scaleId(m.scaleId)
                .bracketCode(m.bracketCode)
                .bracketFeeCents(m.bracketFeeCents)
                .solidarityCents(m.solidarityCents)
                .amountDueCents(m.amountDueCents())
                .paidCents(view.paidCents())
                .leftToPayCents(view.leftToPayCents())
                .currency(coop.panier.api.model.Membership.CurrencyEnum.EUR)
                .periodStart(m.periodStart)
                .periodEnd(m.periodEnd)
                .declaredOn(m.declaredOn)
                .renewableFrom(view.renewableFrom())
                .status(coop.panier.api.model.MembershipStatus.fromValue(view.status().name()));
    }

    static coop.panier.api.model.MembershipStats toApi(MembershipStatsService.Stats stats) {
        return new coop.panier.api.model.MembershipStats()
                .scaleId(stats.scale().id)
                .asOf(stats.asOf())
                .currency(coop.panier.api.model.MembershipStats.CurrencyEnum.EUR)
                .brackets(stats.brackets().stream().map(f -> new coop.panier.api.model.BracketStats()
                        .code(f.bracket().code())
                        .label(f.bracket().label())
                        .households((int) f.households())
                        .dueCents(f.dueCents())
                        .collectedCents(f.collectedCents())).toList());
    }

    static coop.panier.api.model.FeeQuote toApi(FeeQuote quote, MembershipScale scale) {
        return new coop.panier.api.model.FeeQuote()
                .consumptionUnits(java.math.BigDecimal.valueOf(quote.units().tenths(), 1))
                .monthlyIncomePerUnitCents(quote.incomePerUnitCents())
                .bracket(toApi(quote.bracket()))
                .feeCents(quote.feeCents())
                .currency(coop.panier.api.model.FeeQuote.CurrencyEnum.EUR)
                .scaleId(scale.id);
    }
}
