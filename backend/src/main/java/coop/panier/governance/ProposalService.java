package coop.panier.governance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.panier.common.Caller;
import coop.panier.common.ETags;
import coop.panier.common.ProblemException;
import coop.panier.common.Text;
import coop.panier.members.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Proposals and their rounds: made by any active member, responded to by those who may until the
 * deadline, withdrawn by their author, decided at the deadline by {@link DecisionRule} (stored
 * here, by the job or by the first write that meets the round past its deadline), followed by a
 * next round from a block's counter-proposal, and after adoption by their outcome.
 */
@ApplicationScoped
@Transactional
public class ProposalService {

    static final String CLOSED = "proposal-closed";
    static final String NOT_ADOPTED = "proposal-not-adopted";
    static final String NO_STANDING_BLOCK = "no-standing-block";
    static final String ROUND_ALREADY_STARTED = "round-already-started";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Participants participants;

    @Inject
    ProposalReader reader;

    @Inject
    ProposalEvents events;

    @Inject
    GovernanceRulesService rules;

    @ConfigProperty(name = "panier.zone", defaultValue = "Europe/Paris")
    String zone;

    public record Draft(String title, String body, DecisionRule.Rule rule, Instant deadline, UUID groupId) {
    }

    public Proposal create(Caller caller, Draft draft) {
        Member author = participants.active(caller);
        if (draft.groupId() != null && em.find(WorkingGroup.class, draft.groupId()) == null) {
            throw ProblemException.invalidField("workingGroupId", "cette commission n'existe pas");
        }
        Instant now = clock.instant();
        Proposal p = new Proposal();
        p.id = UUID.randomUUID();
        p.chainId = p.id;
        p.round = 1;
        p.groupId = draft.groupId();
        p.authorId = author.id;
        p.title = required("title", draft.title());
        p.body = required("body", draft.body());
        p.rule = draft.rule();
        p.deadline = checkedDeadline("deadline", draft.deadline(), now);
        p.openedAt = now;
        em.persist(p);
        em.flush();
        events.opened(p);
        return p;
    }

    /** The caller's response to an open round, made or changed (one per member per round). */
    public Proposal respond(Caller caller, UUID proposalId, MemberResponse.Kind kind, String comment, String counterProposal) {
        Member member = participants.active(caller);
        // Shared with other responses, exclusive with the decision: no response slips in after it.
        Proposal p = find(proposalId, LockModeType.PESSIMISTIC_READ);
        Instant now = clock.instant();
        requireOpen(p, now);
        participants.requireInGroup(p.groupId, member.id);
        comment = optional(comment);
        counterProposal = kind == MemberResponse.Kind.BLOCK ? optional(counterProposal) : null;
        if (kind == MemberResponse.Kind.CONCERN && comment == null) {
            throw ProblemException.invalidField("comment", "une inquiétude se dit : écrivez ce qui vous inquiète");
        }
        if (kind == MemberResponse.Kind.BLOCK && counterProposal == null) {
            throw ProblemException.invalidField("counterProposal",
                    "une objection bloquante vient avec une contre-proposition : écrivez ce que vous proposez à la place");
        }
        List<MemberResponse> existing = em.createQuery("from MemberResponse where proposalId = :p and memberId = :m",
                MemberResponse.class).setParameter("p", p.id).setParameter("m", member.id).getResultList();
        MemberResponse response = existing.isEmpty() ? new MemberResponse() : existing.get(0);
        if (existing.isEmpty()) {
            response.id = UUID.randomUUID();
            response.proposalId = p.id;
            response.memberId = member.id;
            response.respondedAt = now;
        }
        response.kind = kind;
        response.comment = comment;
        response.counterProposal = counterProposal;
        response.changedAt = now;
        if (existing.isEmpty()) {
            em.persist(response);
        }
        em.flush();
        return p;
    }

    /** Its author withdraws an open round before its deadline; nothing is deleted. */
    public Proposal withdraw(Caller caller, UUID proposalId) {
        Member member = participants.active(caller);
        Proposal p = find(proposalId, LockModeType.PESSIMISTIC_WRITE);
        if (!p.authorId.equals(member.id)) {
            throw ProblemException.forbidden("Seul·e l'auteur·e d'une proposition peut la retirer.");
        }
        Instant now = clock.instant();
        requireOpen(p, now);
        p.status = Proposal.Status.WITHDRAWN;
        p.closedAt = now;
        em.flush();
        return p;
    }

    /**
     * The next round, from a block's counter-proposal: by the author of the round (before the
     * deadline too), or by the member who blocked once the block stood at the deadline.
     */
    public Proposal startRound(Caller caller, UUID proposalId, UUID fromResponseId, Instant deadline) {
        Member member = participants.active(caller);
        Proposal p = find(proposalId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        settle(p, now);
        if (p.status == Proposal.Status.SUPERSEDED) {
            throw new ProblemException(409, ROUND_ALREADY_STARTED, "Un nouveau tour a déjà commencé",
                    "Un nouveau tour de cette proposition a déjà été lancé : répondez à celui-là.", List.of());
        }
        MemberResponse block = fromResponseId == null ? null : em.find(MemberResponse.class, fromResponseId);
        if (block == null || !block.proposalId.equals(p.id) || block.kind != MemberResponse.Kind.BLOCK) {
            throw ProblemException.invalidField("fromResponseId", "ce n'est pas une objection bloquante de ce tour");
        }
        boolean author = p.authorId.equals(member.id);
        if (!author && !block.memberId.equals(member.id)) {
            throw ProblemException.forbidden("Seul·e l'auteur·e de la proposition ou la personne qui a bloqué lance le tour suivant.");
        }
        boolean open = p.status == Proposal.Status.OPEN;
        boolean blockStood = p.status == Proposal.Status.REJECTED && p.reason == DecisionRule.Rejection.BLOCKED;
        if (!(open && author) && !blockStood) {
            throw new ProblemException(409, NO_STANDING_BLOCK, "Pas d'objection qui tienne",
                    open ? "Avant la date limite, seul·e l'auteur·e de la proposition peut lancer le tour suivant."
                            : "Ce tour n'a pas été arrêté par une objection : il n'y a pas de tour suivant à lancer.",
                    List.of());
        }
        Instant nextDeadline = checkedDeadline("deadline", deadline, now);
        p.status = Proposal.Status.SUPERSEDED;
        p.closedAt = now;
        em.flush();
        Proposal next = new Proposal();
        next.id = UUID.randomUUID();
        next.chainId = p.chainId;
        next.round = p.round + 1;
        next.previousRoundId = p.id;
        next.fromResponseId = block.id;
        next.groupId = p.groupId;
        next.authorId = member.id;
        next.title = p.title;
        next.body = block.counterProposal;
        next.rule = p.rule;
        next.deadline = nextDeadline;
        next.openedAt = now;
        em.persist(next);
        em.flush();
        events.roundStarted(next, member.id);
        return next;
    }

    public record OutcomeInput(String action, String responsible, UUID responsibleMemberId, LocalDate reviewOn) {
    }

    /** After adoption, its author records what will be done, by whom, and when it is reviewed. */
    public Proposal recordOutcome(Caller caller, UUID proposalId, String ifMatch, OutcomeInput in) {
        Member member = participants.active(caller);
        Proposal p = find(proposalId, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireCurrent(ifMatch, p.version);
        if (!p.authorId.equals(member.id)) {
            throw ProblemException.forbidden("Seul·e l'auteur·e de la proposition en note la suite.");
        }
        settle(p, clock.instant());
        if (p.status != Proposal.Status.ADOPTED) {
            throw new ProblemException(409, NOT_ADOPTED, "Proposition non adoptée",
                    "Seule une proposition adoptée a une suite à noter.", List.of());
        }
        String responsible = optional(in.responsible());
        if (in.responsibleMemberId() != null && participants.name(in.responsibleMemberId()).isEmpty()) {
            throw ProblemException.invalidField("responsibleMemberId", "ce membre n'existe pas");
        }
        if (responsible == null && in.responsibleMemberId() == null) {
            throw ProblemException.invalidField("responsible", "dites qui s'en charge (un nom, une commission…)");
        }
        if (in.reviewOn().isBefore(LocalDate.now(clock.withZone(ZoneId.of(zone))))) {
            throw ProblemException.invalidField("reviewOn", "la date de bilan est aujourd'hui ou plus tard");
        }
        p.outcomeAction = required("action", in.action());
        p.outcomeResponsible = responsible;
        p.outcomeMemberId = in.responsibleMemberId();
        p.reviewOn = in.reviewOn();
        p.outcomeRecordedAt = clock.instant();
        em.flush();
        return p;
    }

    /**
     * Stores the rule's decision on a round whose deadline passed (the caller holds its row
     * lock), and tells it once; true if it did. The job and every write that meets such a round come here.
     */
    boolean settle(Proposal p, Instant now) {
        if (p.status != Proposal.Status.OPEN || now.isBefore(p.deadline)) {
            return false;
        }
        ProposalReader.State state = reader.state(p, now);
        p.status = state.status();
        p.reason = state.rejection();
        p.eligible = state.count().eligible();
        p.decidedAt = p.deadline;
        p.closedAt = now;
        em.flush();
        events.decided(p);
        return true;
    }

    /** Decides the round if it is still open past its deadline; for the job. */
    public boolean settle(UUID proposalId, Instant now) {
        return settle(find(proposalId, LockModeType.PESSIMISTIC_WRITE), now);
    }

    private Proposal find(UUID id, LockModeType lock) {
        Proposal p = em.find(Proposal.class, id, lock);
        if (p == null) {
            throw ProposalReader.notFound();
        }
        return p;
    }

    private void requireOpen(Proposal p, Instant now) {
        if (!p.openAt(now)) {
            throw new ProblemException(409, CLOSED, "Proposition close",
                    p.status == Proposal.Status.WITHDRAWN ? "Cette proposition a été retirée par son auteur·e."
                            : p.status == Proposal.Status.SUPERSEDED ? "Un nouveau tour a commencé : répondez à celui-là."
                            : "La date limite de cette proposition est passée : les réponses ne peuvent plus changer.",
                    List.of());
        }
    }

    /** A deadline at least the co-op's minimum delay ahead, counted in days of the co-op (any hour of that day will do). */
    private Instant checkedDeadline(String field, Instant deadline, Instant now) {
        ZoneId here = ZoneId.of(zone);
        LocalDate earliest = LocalDate.ofInstant(now, here).plusDays(rules.rules().minDeadlineDays);
        if (LocalDate.ofInstant(deadline, here).isBefore(earliest)) {
            throw ProblemException.invalidField(field, "la date limite est au plus tôt le "
                    + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).format(earliest) + " ("
                    + rules.rules().minDeadlineDays + " jours pour que chacun·e puisse répondre)");
        }
        if (!deadline.isAfter(now)) {
            throw ProblemException.invalidField(field, "la date limite est dans le futur");
        }
        return deadline;
    }

    static String required(String field, String text) {
        String kept = optional(text);
        if (kept == null) {
            throw ProblemException.invalidField(field, "obligatoire");
        }
        return kept;
    }

    static String optional(String text) {
        return text == null || Text.blank(text) ? null : text.strip();
    }
}
