package coop.panier.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One round of a proposal. The first round's id names the chain; a later round starts from a
 * block's counter-proposal and points to the round before. PostgreSQL keeps one open round per chain.
 */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {

    public enum Status {
        OPEN, ADOPTED, REJECTED, WITHDRAWN, SUPERSEDED
    }

    @Id
    public UUID id;

    @Column(name = "chain_id", nullable = false)
    public UUID chainId;

    @Column(nullable = false)
    public int round;

    @Column(name = "previous_round_id")
    public UUID previousRoundId;

    @Column(name = "from_response_id")
    public UUID fromResponseId;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DecisionRule.Rule rule;

    @Column(nullable = false)
    public Instant deadline;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.OPEN;

    @Enumerated(EnumType.STRING)
    public DecisionRule.Rejection reason;

    public Integer eligible;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "outcome_action")
    public String outcomeAction;

    @Column(name = "outcome_responsible")
    public String outcomeResponsible;

    @Column(name = "outcome_member_id")
    public UUID outcomeMemberId;

    @Column(name = "review_on")
    public LocalDate reviewOn;

    @Column(name = "outcome_recorded_at")
    public Instant outcomeRecordedAt;

    @Version
    public long version;

    /** Still open to responses at `now`: open, and before its deadline. */
    public boolean openAt(Instant now) {
        return status == Status.OPEN && now.isBefore(deadline);
    }
}
