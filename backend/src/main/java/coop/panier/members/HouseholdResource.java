package coop.panier.members;

import java.net.URI;
import java.util.UUID;

import coop.panier.api.HouseholdsApi;
import coop.panier.api.model.CorrectionInput;
import coop.panier.api.model.HouseholdInput;
import coop.panier.api.model.HouseholdPage;
import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import coop.panier.memberships.LedgerEntry;
import coop.panier.memberships.LedgerMapper;
import coop.panier.memberships.LedgerService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

@Authenticated
public class HouseholdResource implements HouseholdsApi {

    @Inject
    HouseholdService service;

    @Inject
    Caller caller;

    @Inject
    LedgerService ledger;

    @Override
    @RolesAllowed("admin")
    public Response listHouseholds(String q, Integer limit, String cursor) {
        Cursor.Slice<HouseholdService.View> page = service.page(q, limit, cursor);
        return Response.ok(new HouseholdPage()
                .items(page.items().stream().map(HouseholdMapper::toApi).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response createHousehold(HouseholdInput input) {
        HouseholdService.View created = service.create(HouseholdMapper.composition(input));
        return Response.created(URI.create("/api/v1/households/" + created.household().id))
                .entity(HouseholdMapper.toApi(created)).tag(ETags.of(created.household().version)).build();
    }

    @Override
    public Response getHousehold(UUID householdId) {
        return ok(service.get(caller, householdId));
    }

    @Override
    public Response updateHousehold(UUID householdId, HouseholdInput input, String ifMatch) {
        return ok(service.update(caller, householdId, ifMatch, HouseholdMapper.composition(input)));
    }

    @Override
    @RolesAllowed("admin")
    public Response addHouseholdMember(UUID householdId, UUID memberId) {
        return ok(service.attach(householdId, memberId));
    }

    @Override
    @RolesAllowed("admin")
    public Response removeHouseholdMember(UUID householdId, UUID memberId) {
        return ok(service.detach(householdId, memberId));
    }

    @Override
    public Response getHouseholdLedger(UUID householdId, Integer limit, String cursor) {
        return Response.ok(LedgerMapper.toApi(ledger.page(caller, householdId, limit, cursor))).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response recordLedgerCorrection(UUID householdId, CorrectionInput input) {
        LedgerEntry entry = ledger.correct(caller, householdId, input.getCorrectsEntryId(), input.getAmountCents(),
                input.getReason());
        return Response.created(URI.create("/api/v1/households/" + householdId + "/ledger"))
                .entity(LedgerMapper.toApi(entry)).build();
    }

    private static Response ok(HouseholdService.View view) {
        return Response.ok(HouseholdMapper.toApi(view)).tag(ETags.of(view.household().version)).build();
    }
}
