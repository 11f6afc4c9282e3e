package coop.panier.governance;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member's response to a round: one per member, changed in place until the deadline. */
@Entity
@Table(name = "proposal_response")
public class MemberResponse extends PanacheEntityBase {

    public enum Kind {
        AGREE, STAND_ASIDE, CONCERN, BLOCK
    }

    @Id
    public UUID id;

    @Column(name = "proposal_id", nullable = false)
    public UUID proposalId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    public String comment;

    @Column(name = "counter_proposal")
    public String counterProposal;

    @Column(name = "responded_at", nullable = false)
    public Instant respondedAt;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
