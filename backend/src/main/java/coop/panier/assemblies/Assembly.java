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

/**
 * An assembly (Agora). `version` is the ETag of its edits by admins; `liveVersion` the ETag of its
 * live state, bumped in SQL by every change the room sees (LiveMode), never written from here.
 */
@Entity
@Table(name = "assembly")
public class Assembly extends PanacheEntityBase {

    public enum Status {
        SCHEDULED, LIVE, CLOSED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String place;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "facilitator_id", nullable = false)
    public UUID facilitatorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.SCHEDULED;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "agenda_published_at", insertable = false, updatable = false)
    public Instant agendaPublishedAt;

    @Column(name = "current_item_id", insertable = false, updatable = false)
    public UUID currentItemId;

    @Column(name = "live_version", insertable = false, updatable = false)
    public long liveVersion;

    @Version
    public long version;
}
