package coop.panier.assemblies;

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

/** A point of an assembly's agenda (V41): proposed by a member, then discussed in the live mode. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem extends PanacheEntityBase {

    public enum Status {
        PROPOSED, WITHDRAWN
    }

    @Id
    public UUID id;

    /** Where it is discussed; null while a late item waits for the next assembly. */
    @Column(name = "assembly_id")
    public UUID assemblyId;

    @Column(name = "asked_for_id", nullable = false)
    public UUID askedForId;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String description = "";

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(nullable = false)
    public boolean late;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.PROPOSED;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(nullable = false)
    public String notes = "";

    @Column(nullable = false)
    public String decision = "";

    @Version
    public long version;
}
