package coop.panier.governance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import coop.panier.api.model.DecisionRule;
import coop.panier.api.model.ProposalPermissions;
import coop.panier.api.model.ProposalRejection;
import coop.panier.api.model.ProposalResponseKind;
import coop.panier.api.model.ProposalRound;
import coop.panier.api.model.ProposalStatus;
import coop.panier.api.model.ProposalTally;
import coop.panier.api.model.WorkingGroupMeeting;
import coop.panier.api.model.WorkingGroupMember;
import coop.panier.api.model.WorkingGroupNote;

/** Governance's views written as the contract says. */
final class GovernanceMapper {

    private GovernanceMapper() {
    }

    static coop.panier.api.model.Proposal proposal(ProposalReader.View v, ZoneId zone) {
        Proposal p = v.proposal();
        ProposalReader.State s = v.state();
        coop.panier.governance.DecisionRule.Count c = s.count();
        return new coop.panier.api.model.Proposal().id(p.id).chainId(p.chainId).round(p.round).previousRoundId(p.previousRoundId)
                .workingGroupId(p.groupId).workingGroupName(v.groupName()).authorId(p.authorId).authorName(v.authorName())
                .counterProposalBy(v.counterProposalBy()).title(p.title).body(p.body).bodyHtml(Markdown.html(p.body))
                .rule(DecisionRule.fromValue(p.rule.name())).deadline(time(p.deadline, zone)).openedAt(time(p.openedAt, zone))
                .status(ProposalStatus.fromValue(s.status().name())).rejection(rejection(s.rejection()))
                .decidedAt(time(s.decidedAt(), zone))
                .tally(new ProposalTally().agree(c.agree()).standAside(c.standAside()).concern(c.concern()).block(c.block())
                        .responded(c.responded()).eligible(c.eligible()).quorum(s.quorum()))
                .myResponse(v.mine() == null ? null : response(v.mine(), zone))
                .responses(v.responses() == null ? null : v.responses().stream().map(r -> response(r, zone)).toList())
                .rounds(v.rounds() == null ? null : v.rounds().stream().map(r -> round(r, zone)).toList())
                .outcome(v.outcome() == null ? null : new coop.panier.api.model.ProposalOutcome().action(v.outcome().action())
                        .responsible(v.outcome().responsible()).responsibleMemberId(v.outcome().responsibleMemberId())
                        .responsibleMemberName(v.outcome().responsibleMemberName()).reviewOn(v.outcome().reviewOn())
                        .recordedAt(time(v.outcome().recordedAt(), zone)))
                .may(new ProposalPermissions().respond(v.may().respond()).withdraw(v.may().withdraw())
                        .startRound(v.may().startRound()).recordOutcome(v.may().recordOutcome()));
    }

    private static ProposalRejection rejection(coop.panier.governance.DecisionRule.Rejection rejection) {
        return rejection == null ? null : ProposalRejection.fromValue(rejection.name());
    }

    static coop.panier.api.model.ProposalResponse response(ProposalReader.ResponseView r, ZoneId zone) {
        return new coop.panier.api.model.ProposalResponse().id(r.id()).memberId(r.memberId()).memberName(r.memberName())
                .kind(ProposalResponseKind.fromValue(r.kind().name())).comment(r.comment()).counterProposal(r.counterProposal())
                .counterProposalHtml(Markdown.html(r.counterProposal())).respondedAt(time(r.respondedAt(), zone))
                .changedAt(time(r.changedAt(), zone));
    }

    private static ProposalRound round(ProposalReader.RoundView r, ZoneId zone) {
        return new ProposalRound().id(r.id()).round(r.round()).title(r.title()).status(ProposalStatus.fromValue(r.status().name()))
                .rejection(rejection(r.rejection())).authorName(r.authorName()).deadline(time(r.deadline(), zone));
    }

    static coop.panier.api.model.WorkingGroup group(WorkingGroups.View v, ZoneId zone) {
        return new coop.panier.api.model.WorkingGroup().id(v.group().id).name(v.group().name).description(v.group().description)
                .meetings(v.meetings().stream().map(m -> new WorkingGroupMeeting().startsAt(time(m.startsAt(), zone))
                        .place(m.place()).note(m.note())).toList())
                .memberCount(v.memberCount()).isMember(v.isMember()).openProposals(v.openProposals())
                .members(v.members() == null ? null : v.members().stream().map(m -> new WorkingGroupMember()
                        .memberId(m.memberId()).name(m.name()).joinedAt(time(m.joinedAt(), zone))).toList());
    }

    static List<WorkingGroups.Meeting> meetings(List<WorkingGroupMeeting> in) {
        return in == null ? List.of() : in.stream().map(m -> new WorkingGroups.Meeting(m.getStartsAt().toInstant(),
                m.getPlace(), m.getNote())).toList();
    }

    static WorkingGroupNote note(WorkingGroups.Note n, ZoneId zone) {
        return new WorkingGroupNote().id(n.id()).workingGroupId(n.groupId()).authorId(n.authorId()).authorName(n.authorName())
                .body(n.body()).bodyHtml(Markdown.html(n.body())).writtenAt(time(n.writtenAt(), zone));
    }

    static OffsetDateTime time(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
