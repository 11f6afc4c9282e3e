package coop.panier.fundraisers;

import java.time.Instant;
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
 * A cagnotte: a goal, a deadline, and the pledges of members (fundraiser_pledge, V39). Only an
 * open one changes state, once: to REACHED when its pledges meet the goal, to MISSED when its
 * deadline passes short of it; PostgreSQL refuses any other change of state.
 */
@Entity
@Table(name = "fundraiser")
public class Fundraiser extends PanacheEntityBase {

    public enum Status {
        OPEN, REACHED, MISSED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String description;

    @Column(name = "goal_cents", nullable = false)
    public long goalCents;

    @Column(nullable = false)
    public Instant deadline;

    @Column(name = "opened_by", nullable = false)
    public UUID openedBy;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.OPEN;

    @Column(name = "reached_at")
    public Instant reachedAt;

    @Column(name = "missed_at")
    public Instant missedAt;

    @Version
    public long version;

    /**
     * Its state as of `now`: an open fundraiser whose deadline passed is missed, even before the
     * closing job wrote it.
     */
    public Status statusAt(Instant now) {
        return status == Status.OPEN && !now.isBefore(deadline) ? Status.MISSED : status;
    }
}
