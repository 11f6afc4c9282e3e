package coop.panier.members;

import java.math.BigDecimal;

import coop.panier.api.model.HouseholdInput;
import coop.panier.api.model.HouseholdMember;

final class HouseholdMapper {

    private HouseholdMapper() {
    }

    static coop.panier.api.model.Household toApi(HouseholdService.View view) {
        Household h = view.household();
        return new coop.panier.api.model.Household()
                .id(h.id)
                .name(h.name)
                .adults(h.adults)
                .children(h.children)
                .consumptionUnits(BigDecimal.valueOf(h.consumptionUnits().tenths(), 1))
                .members(view.members().stream().map(m -> new HouseholdMember()
                        .id(m.id).memberNumber(m.memberNumber).firstName(m.firstName).lastName(m.lastName))
                        .toList());
    }

    static HouseholdService.Composition composition(HouseholdInput input) {
        return new HouseholdService.Composition(input.getName(), input.getAdults(), input.getChildren());
    }
}
