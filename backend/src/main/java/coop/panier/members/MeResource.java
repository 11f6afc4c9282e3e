package coop.panier.members;

import coop.panier.api.MeApi;
import coop.panier.api.model.MemberProfileUpdate;
import coop.panier.common.ETags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

@RolesAllowed("member")
public class MeResource implements MeApi {

    @Inject
    JsonWebToken token;

    @Inject
    MemberService service;

    @Override
    public Response getMe() {
        return ok(service.current(Person.from(token)));
    }

    @Override
    public Response updateMe(MemberProfileUpdate update, String ifMatch) {
        return ok(service.updateProfile(Person.from(token), ifMatch, MemberMapper.toChange(update)));
    }

    private static Response ok(Member member) {
        return Response.ok(MemberMapper.toApi(member)).tag(ETags.of(member.version)).build();
    }
}
