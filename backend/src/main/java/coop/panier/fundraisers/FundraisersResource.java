package coop.panier.fundraisers;

import java.net.URI;
import java.util.UUID;

import coop.panier.api.FundraisersApi;
import coop.panier.api.model.FundraiserInput;
import coop.panier.api.model.FundraiserPage;
import coop.panier.api.model.FundraiserPledgePage;
import coop.panier.api.model.FundraiserStatus;
import coop.panier.api.model.PledgeInput;
import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.members.MemberRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** Fundraisers over HTTP: opened, read and pledged to by members. */
public class FundraisersResource implements FundraisersApi {

    @Inject
    Fundraisers fundraisers;

    @Inject
    Pledges pledges;

    @Inject
    Caller caller;

    @Inject
    MemberRepository members;

    @Inject
    FundraiserMapper mapper;

    @Override
    @RolesAllowed("member")
    public Response listFundraisers(FundraiserStatus status, Integer limit, String cursor) {
        Cursor.Slice<Fundraisers.View> page = fundraisers.page(caller,
                status == null ? null : Fundraiser.Status.valueOf(status.name()), limit, cursor);
        return Response.ok(new FundraiserPage().items(page.items().stream().map(mapper::toApi).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    @RolesAllowed("member")
    public Response openFundraiser(FundraiserInput in) {
        Fundraiser fundraiser = fundraisers.open(caller, new Fundraisers.Definition(in.getTitle(), in.getDescription(),
                in.getGoalCents(), in.getDeadline().toInstant()));
        return Response.created(URI.create("/api/v1/fundraisers/" + fundraiser.id))
                .entity(mapper.toApi(fundraisers.view(fundraiser, fundraiser.openedBy))).build();
    }

    @Override
    @RolesAllowed("member")
    public Response getFundraiser(UUID fundraiserId) {
        return Response.ok(mapper.toApi(fundraisers.get(caller, fundraiserId))).build();
    }

    @Override
    @RolesAllowed("member")
    public Response listFundraiserPledges(UUID fundraiserId, Integer limit, String cursor) {
        Fundraisers.View fundraiser = fundraisers.get(caller, fundraiserId);
        Cursor.Slice<Pledges.Pledge> page = pledges.page(fundraiserId, limit, cursor);
        UUID me = members.idOf(caller);
        return Response.ok(new FundraiserPledgePage()
                .items(page.items().stream().map(p -> mapper.toApi(p, fundraiser.status(), me, caller.admin())).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    @RolesAllowed("member")
    public Response pledgeToFundraiser(UUID fundraiserId, PledgeInput in) {
        Pledges.Outcome outcome = pledges.pledge(caller, fundraiserId, in.getAmountCents(),
                Boolean.TRUE.equals(in.getAnonymous()));
        var view = mapper.toApi(fundraisers.view(outcome.fundraiser(), members.idOf(caller)));
        return outcome.made()
                ? Response.created(URI.create("/api/v1/fundraisers/" + fundraiserId + "/pledges/mine")).entity(view).build()
                : Response.ok(view).build();
    }

    @Override
    @RolesAllowed("member")
    public Response withdrawPledge(UUID fundraiserId) {
        pledges.withdraw(caller, fundraiserId);
        return Response.noContent().build();
    }
}
