package coop.panier.members;

import java.util.UUID;

import coop.panier.api.PrivacyApi;
import coop.panier.common.ETags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

public class PrivacyResource implements PrivacyApi {

    @Inject
    JsonWebToken token;

    @Inject
    MemberService members;

    @Inject
    PersonalData personalData;

    @Override
    @RolesAllowed("member")
    public Response exportMyData() {
        PersonalData.Export export = personalData.export(members.current(Person.from(token)));
        return Response.ok(export.document(), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"panier-mes-donnees-" + export.memberNumber() + ".json\"")
                .build();
    }

    @Override
    @RolesAllowed("admin")
    public Response eraseMember(UUID memberId) {
        // The admin is linked like anyone on their first call, so that the log names them.
        Member member = personalData.erase(members.current(Person.from(token)), memberId);
        return Response.ok(MemberMapper.toApi(member)).tag(ETags.of(member.version)).build();
    }
}
