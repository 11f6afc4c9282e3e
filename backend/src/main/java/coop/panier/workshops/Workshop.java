package coop.panier.workshops;

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
 * An atelier or an event (« Comment mieux manger ? », « disco soupe »). `taken` is counted by
 * PostgreSQL from the confirmed registrations (V40), which refuses `taken > capacity`; the Java
 * reads it, never writes it.
 */
@Entity
@Table(name = "workshop")
public class Workshop extends PanacheEntityBase {

    public enum Status {
        OPEN, CANCELLED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String description = "";

    @Column(nullable = false)
    public String place;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "open_to_public", nullable = false)
    public boolean open;

    @Column(insertable = false, updatable = false)
    public int taken;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.OPEN;

    @Column(name = "created_by")
    public UUID createdBy;

    @Version
    public long version;

    public int placesLeft() {
        return status == Status.OPEN ? Math.max(capacity - taken, 0) : 0;
    }
}
