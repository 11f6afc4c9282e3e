package coop.panier.members;

import java.net.URI;
import java.util.UUID;

import coop.panier.api.HouseholdsApi;
import coop.panier.api.model.HouseholdInput;
import coop.panier.api.model.HouseholdPage;
import coop.panier.common.ETags;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

@Authenticated
public class HouseholdResource implements HouseholdsApi {

    @Inject
    HouseholdService service;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Override
    @RolesAllowed("admin")
    public Response listHouseholds(String q, Integer limit, String cursor) {
        HouseholdService.Page page = service.page(q, limit, cursor);
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
        return ok(service.get(caller(), householdId));
    }

    @Override
    public Response updateHousehold(UUID householdId, HouseholdInput input, String ifMatch) {
        return ok(service.update(caller(), householdId, ifMatch, HouseholdMapper.composition(input)));
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

    private HouseholdService.Caller caller() {
        return new HouseholdService.Caller(token.getSubject(), identity.hasRole("admin"));
    }

    private static Response ok(HouseholdService.View view) {
        return Response.ok(HouseholdMapper.toApi(view)).tag(ETags.of(view.household().version)).build();
    }
}
