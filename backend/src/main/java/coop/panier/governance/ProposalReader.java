package coop.panier.governance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ProblemException;
import coop.panier.common.SqlValues;
import coop.panier.members.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Proposals as members read them: every member reads every round, with the responses and their
 * names (open governance). A round past its deadline reads as decided by {@link DecisionRule}
 * even before the job that closes proposals stored it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProposalReader {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Participants participants;

    @Inject
    GovernanceRulesService rules;

    /** The state of a round at a moment: stored, or decided by the rule when its deadline passed. */
    public record State(Proposal.Status status, DecisionRule.Rejection rejection, Instant decidedAt, DecisionRule.Count count,
            int quorum) {
    }

    public record ResponseView(UUID id, UUID memberId, String memberName, MemberResponse.Kind kind, String comment,
            String counterProposal, Instant respondedAt, Instant changedAt) {
    }

    public record RoundView(UUID id, int round, String title, Proposal.Status status, DecisionRule.Rejection rejection,
            String authorName, Instant deadline) {
    }

    public record Permissions(boolean respond, boolean withdraw, boolean startRound, boolean recordOutcome) {
    }

    public record Outcome(String action, String responsible, UUID responsibleMemberId, String responsibleMemberName,
            LocalDate reviewOn, Instant recordedAt) {
    }

    /** A round as the caller reads it; responses and rounds only on the read of one proposal. */
    public record View(Proposal proposal, String groupName, String authorName, String counterProposalBy, State state,
            ResponseView mine, List<ResponseView> responses, List<RoundView> rounds, Outcome outcome, Permissions may) {
    }

    /** The round's state now: what is stored, or the rule's decision once its deadline passed. */
    public State state(Proposal p, Instant now) {
        DecisionRule.Count count = count(p);
        int percent = rules.rules().consensusQuorumPercent;
        int quorum = DecisionRule.quorum(p.rule, count.eligible(), percent);
        if (p.status == Proposal.Status.OPEN && !now.isBefore(p.deadline)) {
            DecisionRule.Decision decision = DecisionRule.decide(p.rule, count, percent);
            return new State(decision.adopted() ? Proposal.Status.ADOPTED : Proposal.Status.REJECTED, decision.rejection(),
                    p.deadline, count, quorum);
        }
        return new State(p.status, p.reason, p.decidedAt, count, quorum);
    }

    /** The responses of a round by kind, and those who may respond: counted now, or as at the decision. */
    DecisionRule.Count count(Proposal p) {
        Map<MemberResponse.Kind, Integer> byKind = new EnumMap<>(MemberResponse.Kind.class);
        for (Object[] row : SqlValues.rows(em.createNativeQuery("select kind, count(*) from proposal_response where proposal_id = ?1 group by kind",
                Object[].class).setParameter(1, p.id).getResultList())) {
            byKind.put(MemberResponse.Kind.valueOf((String) row[0]), ((Number) row[1]).intValue());
        }
        int eligible = p.eligible != null ? p.eligible : participants.eligibleCount(p.groupId);
        return new DecisionRule.Count(byKind.getOrDefault(MemberResponse.Kind.AGREE, 0),
                byKind.getOrDefault(MemberResponse.Kind.STAND_ASIDE, 0), byKind.getOrDefault(MemberResponse.Kind.CONCERN, 0),
                byKind.getOrDefault(MemberResponse.Kind.BLOCK, 0), eligible);
    }

    public View get(Caller caller, UUID proposalId) {
        Member reader = participants.reader(caller).orElseThrow(() -> notFound());
        Proposal p = em.find(Proposal.class, proposalId);
        if (p == null) {
            throw notFound();
        }
        return view(p, reader, true);
    }

    static ProblemException notFound() {
        return ProblemException.notFound("Cette proposition n'existe pas.");
    }

    public View view(Proposal p, Member reader, boolean whole) {
        Instant now = clock.instant();
        State state = state(p, now);
        List<ResponseView> responses = responses(p.id);
        ResponseView mine = reader == null ? null
                : responses.stream().filter(r -> r.memberId().equals(reader.id)).findFirst().orElse(null);
        return new View(p, groupName(p.groupId), participants.name(p.authorId), counterProposalBy(p), state, mine,
                whole ? responses : null, whole ? rounds(p.chainId, now) : null, outcome(p),
                permissions(p, state, reader, responses, now));
    }

    private Permissions permissions(Proposal p, State state, Member reader, List<ResponseView> responses, Instant now) {
        if (reader == null || !participants.takesPart(reader)) {
            return new Permissions(false, false, false, false);
        }
        boolean open = state.status() == Proposal.Status.OPEN;
        boolean author = p.authorId.equals(reader.id);
        boolean blocked = responses.stream().anyMatch(r -> r.kind() == MemberResponse.Kind.BLOCK);
        boolean blocker = responses.stream().anyMatch(r -> r.kind() == MemberResponse.Kind.BLOCK && r.memberId().equals(reader.id));
        boolean blockStands = state.status() == Proposal.Status.REJECTED && state.rejection() == DecisionRule.Rejection.BLOCKED;
        boolean nextRound = (open && author && blocked) || (blockStands && (author || blocker));
        return new Permissions(open && participants.inGroup(p.groupId, reader.id), open && author, nextRound,
                state.status() == Proposal.Status.ADOPTED && author);
    }

    List<ResponseView> responses(UUID proposalId) {
        List<ResponseView> views = new ArrayList<>();
        for (Object[] r : SqlValues.rows(em.createNativeQuery("""
                select r.id, r.member_id, m.first_name || ' ' || m.last_name, r.kind, r.comment, r.counter_proposal,
                       r.responded_at, r.changed_at
                from proposal_response r join member m on m.id = r.member_id
                where r.proposal_id = ?1 order by r.responded_at, r.id""", Object[].class)
                .setParameter(1, proposalId).getResultList())) {
            views.add(new ResponseView((UUID) r[0], (UUID) r[1], (String) r[2], MemberResponse.Kind.valueOf((String) r[3]),
                    (String) r[4], (String) r[5], (Instant) r[6], (Instant) r[7]));
        }
        return views;
    }

    private List<RoundView> rounds(UUID chainId, Instant now) {
        return em.createQuery("from Proposal where chainId = :chain order by round", Proposal.class)
                .setParameter("chain", chainId).getResultList().stream().map(r -> {
                    State state = state(r, now);
                    return new RoundView(r.id, r.round, r.title, state.status(), state.rejection(),
                            participants.name(r.authorId), r.deadline);
                }).toList();
    }

    private String groupName(UUID groupId) {
        return groupId == null ? null : em.find(WorkingGroup.class, groupId).name;
    }

    private String counterProposalBy(Proposal p) {
        if (p.fromResponseId == null) {
            return null;
        }
        MemberResponse block = em.find(MemberResponse.class, p.fromResponseId);
        return participants.name(block.memberId);
    }

    private Outcome outcome(Proposal p) {
        if (p.outcomeRecordedAt == null) {
            return null;
        }
        return new Outcome(p.outcomeAction, p.outcomeResponsible, p.outcomeMemberId,
                p.outcomeMemberId == null ? null : participants.name(p.outcomeMemberId), p.reviewOn, p.outcomeRecordedAt);
    }

    /**
     * The latest round of each proposal: open ones (the nearest deadline first) or closed ones
     * (the latest deadline first); optionally one group's.
     */
    public Cursor.Slice<View> page(Caller caller, boolean open, UUID groupId, Integer limit, String cursor) {
        Member reader = participants.reader(caller).orElse(null);
        int size = Cursor.limit(limit);
        record Key(Instant deadline, UUID id) {
        }
        Key after = Cursor.read(cursor, 2, k -> new Key(Instant.parse(k.get(0)), UUID.fromString(k.get(1))));
        Instant now = clock.instant();
        String openness = open ? "p.status = 'OPEN' and p.deadline > :now"
                : "not (p.status = 'OPEN' and p.deadline > :now)"
                        + " and not exists (select 1 from proposal n where n.previous_round_id = p.id)";
        String keyset = after == null ? "" : open ? " and (p.deadline, p.id) > (:after, :afterId)" : " and (p.deadline, p.id) < (:after, :afterId)";
        String order = open ? " order by p.deadline, p.id" : " order by p.deadline desc, p.id desc";
        var query = em.createNativeQuery("select p.id from proposal p where " + openness
                + (groupId == null ? "" : " and p.group_id = :group") + keyset + order + " limit :size", UUID.class)
                .setParameter("now", now).setParameter("size", size + 1);
        if (groupId != null) {
            query.setParameter("group", groupId);
        }
        if (after != null) {
            query.setParameter("after", after.deadline()).setParameter("afterId", after.id());
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        List<View> views = ids.stream().map(id -> view(em.find(Proposal.class, id), reader, false)).toList();
        return Cursor.slice(views, size, v -> new String[] { v.proposal().deadline.toString(), v.proposal().id.toString() });
    }
}
