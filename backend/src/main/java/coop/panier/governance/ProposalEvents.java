package coop.panier.governance;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import coop.panier.integrations.EventType;
import coop.panier.integrations.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * What proposals tell (`proposal.*`, `ProposalEventPayload`), each mailed to those it concerns:
 * those who may respond, those who have not yet, those who responded to the round before.
 */
@ApplicationScoped
class ProposalEvents {

    @Inject
    Outbox outbox;

    @Inject
    Participants participants;

    @Inject
    EntityManager em;

    /** A new proposal, to those who may respond but its author (who may turn these mails off). */
    void opened(Proposal p) {
        Set<UUID> to = new LinkedHashSet<>(participants.eligible(p.groupId));
        to.remove(p.authorId);
        record(EventType.PROPOSAL_OPENED, p, to);
    }

    /** 48 hours before the deadline, to those who may respond and have not. */
    void closingSoon(Proposal p) {
        Set<UUID> to = new LinkedHashSet<>(participants.eligible(p.groupId));
        to.removeAll(responders(p.id));
        record(EventType.PROPOSAL_CLOSING_SOON, p, to);
    }

    /** The outcome, to those who could respond, those who did, and the author. */
    void decided(Proposal p) {
        Set<UUID> to = new LinkedHashSet<>(participants.eligible(p.groupId));
        to.addAll(responders(p.id));
        to.add(p.authorId);
        record(EventType.PROPOSAL_DECIDED, p, to);
    }

    /** A next round: those who responded to the round before are invited again, but the member who started it. */
    void roundStarted(Proposal next, UUID startedBy) {
        Set<UUID> to = new LinkedHashSet<>(responders(next.previousRoundId));
        to.remove(startedBy);
        record(EventType.PROPOSAL_ROUND_STARTED, next, to);
    }

    /** The review date of an adopted proposal: the group (or the co-op) looks at it again. */
    void reviewDue(Proposal p) {
        record(EventType.PROPOSAL_REVIEW_DUE, p, participants.eligible(p.groupId));
    }

    @SuppressWarnings("unchecked")
    private Collection<UUID> responders(UUID proposalId) {
        return em.createNativeQuery("select member_id from proposal_response where proposal_id = ?1", UUID.class)
                .setParameter(1, proposalId).getResultList();
    }

    private void record(EventType type, Proposal p, Collection<UUID> to) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("proposalId", p.id);
        payload.put("chainId", p.chainId);
        payload.put("round", p.round);
        payload.put("previousRoundId", p.previousRoundId);
        payload.put("workingGroupId", p.groupId);
        payload.put("title", p.title);
        payload.put("rule", p.rule.name());
        payload.put("status", p.status.name());
        payload.put("rejection", p.reason == null ? null : p.reason.name());
        payload.put("deadline", p.deadline.toString());
        payload.put("reviewOn", p.reviewOn == null ? null : p.reviewOn.toString());
        outbox.record(type, p.id, payload, to);
    }
}
