package coop.panier.volunteering;

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
 * A créneau de bénévolat. `taken` is counted by PostgreSQL from the live sign-ups (V32), which
 * refuses `taken > seats`; the Java reads it, never writes it.
 */
@Entity
@Table(name = "shift")
public class Shift extends PanacheEntityBase {

    public enum Status {
        OPEN, CANCELLED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String task;

    @Column(nullable = false)
    public String place;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false)
    public int seats;

    @Column(insertable = false, updatable = false)
    public int taken;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.OPEN;

    @Version
    public long version;

    public int freeSeats() {
        return status == Status.OPEN ? Math.max(seats - taken, 0) : 0;
    }
}
