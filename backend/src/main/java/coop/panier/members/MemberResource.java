package coop.panier.members;

import java.net.URI;
import java.util.UUID;

import coop.panier.api.MembersApi;
import coop.panier.api.model.MemberInput;
import coop.panier.api.model.MemberPage;
import coop.panier.api.model.StatusChangeInput;
import coop.panier.api.model.StatusChangeList;
import coop.panier.common.Caller;
import coop.panier.common.Csv;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import coop.panier.common.IntegrationRole;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

@RolesAllowed("admin")
public class MemberResource implements MembersApi {

    @Inject
    MemberAdminService service;

    @Inject
    MemberExport export;

    @Inject
    Caller caller;

    @Override
    @RolesAllowed({ "admin", IntegrationRole.ROLE })
    public Response listMembers(String q, coop.panier.api.model.MemberStatus status, Integer limit, String cursor) {
        Cursor.Slice<Member> page = service.page(q, status == null ? null : MemberStatus.valueOf(status.name()),
                limit, cursor);
        return Response.ok(new MemberPage().items(page.items().stream().map(MemberMapper::toApi).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response createMember(MemberInput input) {
        Member member = service.create(MemberMapper.details(input));
        return Response.created(URI.create("/api/v1/members/" + member.id))
                .entity(MemberMapper.toApi(member)).tag(ETags.of(member.version)).build();
    }

    @Override
    @RolesAllowed({ "admin", IntegrationRole.ROLE })
    public Response getMember(UUID memberId) {
        return ok(service.get(memberId));
    }

    @Override
    public Response updateMember(UUID memberId, MemberInput input, String ifMatch) {
        return ok(service.update(memberId, ifMatch, MemberMapper.details(input)));
    }

    @Override
    public Response changeMemberStatus(UUID memberId, StatusChangeInput input, String ifMatch) {
        return ok(service.changeStatus(caller, memberId, ifMatch, MemberStatus.valueOf(input.getStatus().name()),
                input.getReason()));
    }

    @Override
    public Response listMemberStatusChanges(UUID memberId) {
        return Response.ok(new StatusChangeList().items(service.history(memberId).stream()
                .map(MemberMapper::toApi).toList())).build();
    }

    @Override
    public Response exportMembers() {
        return Response.ok(export.csv(), Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"adherents.csv\"").build();
    }

    private static Response ok(Member member) {
        return Response.ok(MemberMapper.toApi(member)).tag(ETags.of(member.version)).build();
    }
}
