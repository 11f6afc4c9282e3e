package coop.panier.memberships;

import java.net.URI;
import java.util.UUID;

import coop.panier.api.MembershipsApi;
import coop.panier.api.model.HouseholdComposition;
import coop.panier.api.model.JoinRequest;
import coop.panier.api.model.MembershipPage;
import coop.panier.api.model.MembershipScaleInput;
import coop.panier.api.model.PaymentInput;
import coop.panier.api.model.WaiverInput;
import coop.panier.api.model.MembershipScalePage;
import coop.panier.api.model.QuoteRequest;
import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import coop.panier.members.Person;
import io.quarkus.security.Authenticated;
import coop.panier.common.IntegrationRole;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

@Authenticated
public class MembershipResource implements MembershipsApi {

    @Inject
    MembershipScaleService scales;

    @Inject
    MembershipService memberships;

    @Inject
    MembershipStatsService stats;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Override
    public Response listMembershipScales(Integer limit, String cursor) {
        Cursor.Slice<MembershipScale> page = scales.page(limit, cursor);
        java.util.Set<UUID> inUse = scales.inUse(page.items());
        return Response.ok(new MembershipScalePage()
                .items(page.items().stream().map(s -> MembershipMapper.toApi(s, inUse.contains(s.id))).toList())
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
                .entity(MembershipMapper.toApi(scale, false)).tag(ETags.of(scale.version)).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response updateMembershipScale(UUID scaleId, MembershipScaleInput input, String ifMatch) {
        return ok(scales.update(scaleId, ifMatch, MembershipMapper.period(input), MembershipMapper.brackets(input)));
    }

    @Override
    @RolesAllowed("member")
    public Response quoteMyMembership(QuoteRequest request) {
        HouseholdComposition household = request.getHousehold();
        MembershipScaleService.Quote quote = memberships.quote(caller, request.getMonthlyIncomeCents(),
                household == null ? null : household.getAdults(), household == null ? null : household.getChildren());
        return Response.ok(MembershipMapper.toApi(quote.quote(), quote.scale())).build();
    }

    @Override
    @RolesAllowed("member")
    public Response joinOrRenewMyMembership(JoinRequest request) {
        HouseholdComposition household = request.getHousehold();
        MembershipService.View view = memberships.join(Person.from(token), new MembershipService.Join(
                request.getMonthlyIncomeCents(),
                household == null ? null : household.getAdults(),
                household == null ? null : household.getChildren(),
                request.getSolidarityCents() == null ? 0 : request.getSolidarityCents()));
        return Response.created(URI.create("/api/v1/memberships/" + view.membership().id))
                .entity(MembershipMapper.toApi(view)).build();
    }

    @Override
    public Response listMemberships(UUID householdId, Integer limit, String cursor) {
        Cursor.Slice<MembershipService.View> page = memberships.page(caller, householdId, limit, cursor);
        return Response.ok(new MembershipPage()
                .items(page.items().stream().map(MembershipMapper::toApi).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getMembership(UUID membershipId) {
        return Response.ok(MembershipMapper.toApi(memberships.get(caller, membershipId))).build();
    }

    @Override
    @RolesAllowed({ "admin", IntegrationRole.ROLE })
    public Response recordMembershipPayment(UUID membershipId, PaymentInput input, String idempotencyKey) {
        LedgerEntry entry = memberships.pay(caller, membershipId, idempotencyKey, new MembershipService.Payment(
                input.getAmountCents(), LedgerEntry.Method.valueOf(input.getMethod().name()), input.getPaidOn(),
                input.getReference()));
        return Response.created(URI.create("/api/v1/households/" + entry.householdId + "/ledger"))
                .entity(LedgerMapper.toApi(entry)).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response recordMembershipWaiver(UUID membershipId, WaiverInput input) {
        LedgerEntry entry = memberships.waive(caller, membershipId, input.getAmountCents(), input.getReason());
        return Response.created(URI.create("/api/v1/households/" + entry.householdId + "/ledger"))
                .entity(LedgerMapper.toApi(entry)).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response getMembershipStats(java.time.LocalDate asOf) {
        return Response.ok(MembershipMapper.toApi(stats.on(asOf))).build();
    }

    private Response ok(MembershipScale scale) {
        return Response.ok(MembershipMapper.toApi(scale, scales.inUse(scale))).tag(ETags.of(scale.version)).build();
    }
}
