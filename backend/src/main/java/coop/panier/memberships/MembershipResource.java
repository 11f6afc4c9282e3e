package coop.panier.memberships;

import java.net.URI;
import java.util.UUID;

import coop.panier.api.MembershipsApi;
import coop.panier.api.model.MembershipScaleInput;
import coop.panier.api.model.MembershipScalePage;
import coop.panier.api.model.QuoteRequest;
import coop.panier.common.ETags;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

@Authenticated
public class MembershipResource implements MembershipsApi {

    @Inject
    MembershipScaleService scales;

    @Override
    public Response listMembershipScales(Integer limit, String cursor) {
        MembershipScaleService.Page page = scales.page(limit, cursor);
        return Response.ok(new MembershipScalePage()
                .items(page.items().stream().map(MembershipMapper::toApi).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getCurrentMembershipScale() {
        return ok(scales.current());
    }

    @Override
    public Response getMembershipScale(UUID scaleId) {
        return ok(scales.get(scaleId));
    }

    @Override
    @RolesAllowed("admin")
    public Response createMembershipScale(MembershipScaleInput input) {
        MembershipScale scale = scales.create(MembershipMapper.period(input), MembershipMapper.brackets(input));
        return Response.created(URI.create("/api/v1/membership-scales/" + scale.id))
                .entity(MembershipMapper.toApi(scale)).tag(ETags.of(scale.version)).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response updateMembershipScale(UUID scaleId, MembershipScaleInput input, String ifMatch) {
        return ok(scales.update(scaleId, ifMatch, MembershipMapper.period(input), MembershipMapper.brackets(input)));
    }

    @Override
    @RolesAllowed("member")
    public Response quoteMyMembership(QuoteRequest request) {
        MembershipScaleService.Quote quote = scales.quote(request.getHousehold().getAdults(),
                request.getHousehold().getChildren(), request.getMonthlyIncomeCents());
        return Response.ok(MembershipMapper.toApi(quote.quote(), quote.scale())).build();
    }

    private static Response ok(MembershipScale scale) {
        return Response.ok(MembershipMapper.toApi(scale)).tag(ETags.of(scale.version)).build();
    }
}
