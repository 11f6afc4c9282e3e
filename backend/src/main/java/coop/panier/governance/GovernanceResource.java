package coop.panier.governance;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import coop.panier.api.GovernanceApi;
import coop.panier.api.model.GovernanceRules;
import coop.panier.api.model.ProposalInput;
import coop.panier.api.model.ProposalOutcomeInput;
import coop.panier.api.model.ProposalPage;
import coop.panier.api.model.ProposalResponseInput;
import coop.panier.api.model.ProposalRoundInput;
import coop.panier.api.model.WorkingGroupInput;
import coop.panier.api.model.WorkingGroupNoteInput;
import coop.panier.api.model.WorkingGroupNotePage;
import coop.panier.api.model.WorkingGroupPage;
import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** Working groups and proposals over HTTP: members read, propose and respond; admins set the rules and the groups. */
public class GovernanceResource implements GovernanceApi {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    GovernanceRulesService rules;

    @Inject
    WorkingGroups groups;

    @Inject
    ProposalService proposals;

    @Inject
    ProposalReader reader;

    @Override
    @RolesAllowed("member")
    public Response getGovernanceRules() {
        GovernanceSettings r = rules.rules();
        return Response.ok(rules(r)).tag(ETags.of(r.version)).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response updateGovernanceRules(GovernanceRules in, String ifMatch) {
        GovernanceSettings r = rules.update(ifMatch, in.getMinDeadlineDays(), in.getConsensusQuorumPercent());
        return Response.ok(rules(r)).tag(ETags.of(r.version)).build();
    }

    private static GovernanceRules rules(GovernanceSettings r) {
        return new GovernanceRules().minDeadlineDays(r.minDeadlineDays).consensusQuorumPercent(r.consensusQuorumPercent);
    }

    // Working groups

    @Override
    @RolesAllowed("member")
    public Response listWorkingGroups(Integer limit, String cursor) {
        Cursor.Slice<WorkingGroups.View> page = groups.page(caller, limit, cursor);
        return Response.ok(new WorkingGroupPage().items(page.items().stream().map(v -> GovernanceMapper.group(v, clock.getZone()))
                .toList()).nextCursor(page.nextCursor())).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response createWorkingGroup(WorkingGroupInput in) {
        WorkingGroup group = groups.create(definition(in));
        return versioned(Response.created(URI.create("/api/v1/working-groups/" + group.id)), groups.get(caller, group.id));
    }

    @Override
    @RolesAllowed("member")
    public Response getWorkingGroup(UUID workingGroupId) {
        return versioned(Response.ok(), groups.get(caller, workingGroupId));
    }

    @Override
    @RolesAllowed("admin")
    public Response updateWorkingGroup(UUID workingGroupId, WorkingGroupInput in, String ifMatch) {
        WorkingGroup group = groups.update(workingGroupId, ifMatch, definition(in));
        return versioned(Response.ok(), groups.get(caller, group.id));
    }

    private static WorkingGroups.Definition definition(WorkingGroupInput in) {
        return new WorkingGroups.Definition(in.getName(), in.getDescription(), GovernanceMapper.meetings(in.getMeetings()));
    }

    @Override
    @RolesAllowed("member")
    public Response joinWorkingGroup(UUID workingGroupId) {
        return Response.ok(GovernanceMapper.group(groups.join(caller, workingGroupId), clock.getZone())).build();
    }

    @Override
    @RolesAllowed("member")
    public Response leaveWorkingGroup(UUID workingGroupId) {
        groups.leave(caller, workingGroupId);
        return Response.noContent().build();
    }

    @Override
    @RolesAllowed("member")
    public Response listWorkingGroupNotes(UUID workingGroupId, Integer limit, String cursor) {
        Cursor.Slice<WorkingGroups.Note> page = groups.notes(workingGroupId, limit, cursor);
        return Response.ok(new WorkingGroupNotePage().items(page.items().stream()
                .map(n -> GovernanceMapper.note(n, clock.getZone())).toList()).nextCursor(page.nextCursor())).build();
    }

    @Override
    @RolesAllowed("member")
    public Response createWorkingGroupNote(UUID workingGroupId, WorkingGroupNoteInput in) {
        WorkingGroups.Note note = groups.write(caller, workingGroupId, in.getBody());
        return Response.created(URI.create("/api/v1/working-groups/" + workingGroupId + "/notes"))
                .entity(GovernanceMapper.note(note, clock.getZone())).build();
    }

    // Proposals

    @Override
    @RolesAllowed("member")
    public Response listProposals(Boolean open, UUID workingGroupId, Integer limit, String cursor) {
        Cursor.Slice<ProposalReader.View> page = reader.page(caller, open == null || open, workingGroupId, limit, cursor);
        return Response.ok(new ProposalPage().items(page.items().stream().map(v -> GovernanceMapper.proposal(v, clock.getZone()))
                .toList()).nextCursor(page.nextCursor())).build();
    }

    @Override
    @RolesAllowed("member")
    public Response createProposal(ProposalInput in) {
        Proposal p = proposals.create(caller, new ProposalService.Draft(in.getTitle(), in.getBody(),
                DecisionRule.Rule.valueOf(in.getRule().name()), in.getDeadline().toInstant(), in.getWorkingGroupId()));
        return Response.created(URI.create("/api/v1/proposals/" + p.id)).entity(read(p.id)).build();
    }

    @Override
    @RolesAllowed("member")
    public Response getProposal(UUID proposalId) {
        return versioned(reader.get(caller, proposalId));
    }

    @Override
    @RolesAllowed("member")
    public Response respondToProposal(UUID proposalId, ProposalResponseInput in) {
        proposals.respond(caller, proposalId, MemberResponse.Kind.valueOf(in.getKind().name()), in.getComment(),
                in.getCounterProposal());
        return Response.ok(read(proposalId)).build();
    }

    @Override
    @RolesAllowed("member")
    public Response withdrawProposal(UUID proposalId) {
        proposals.withdraw(caller, proposalId);
        return Response.ok(read(proposalId)).build();
    }

    @Override
    @RolesAllowed("member")
    public Response startProposalRound(UUID proposalId, ProposalRoundInput in) {
        Proposal next = proposals.startRound(caller, proposalId, in.getFromResponseId(), in.getDeadline().toInstant());
        return Response.created(URI.create("/api/v1/proposals/" + next.id)).entity(read(next.id)).build();
    }

    @Override
    @RolesAllowed("member")
    public Response recordProposalOutcome(UUID proposalId, ProposalOutcomeInput in, String ifMatch) {
        proposals.recordOutcome(caller, proposalId, ifMatch, new ProposalService.OutcomeInput(in.getAction(), in.getResponsible(),
                in.getResponsibleMemberId(), in.getReviewOn()));
        return versioned(reader.get(caller, proposalId));
    }

    /** A working group as the caller reads it, with the version an edit must name in If-Match. */
    private Response versioned(Response.ResponseBuilder response, WorkingGroups.View view) {
        return response.entity(GovernanceMapper.group(view, clock.getZone())).tag(ETags.of(view.group().version)).build();
    }

    /** A proposal as the caller reads it, with the version its outcome's If-Match must name. */
    private Response versioned(ProposalReader.View view) {
        return Response.ok(GovernanceMapper.proposal(view, clock.getZone())).tag(ETags.of(view.proposal().version)).build();
    }

    private coop.panier.api.model.Proposal read(UUID proposalId) {
        return GovernanceMapper.proposal(reader.get(caller, proposalId), clock.getZone());
    }
}
