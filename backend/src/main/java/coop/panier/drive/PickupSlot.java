package coop.panier.drive;

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
 * A créneau de retrait. `booked` is counted by PostgreSQL from the slot's orders, `held` kept
 * by {@link SlotPlaces} under the slot's row lock; PostgreSQL refuses `booked + held > capacity`.
 */
@Entity
@Table(name = "pickup_slot")
public class PickupSlot extends PanacheEntityBase {

    public enum Status {
        OPEN, CLOSED, CANCELLED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String place;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false)
    public int capacity;

    @Column(insertable = false, updatable = false)
    public int booked;

    @Column(insertable = false, updatable = false)
    public int held;

    @Column(name = "order_deadline", nullable = false)
    public Instant orderDeadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.OPEN;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Version
    public long version;

    public int placesLeft() {
        return status == Status.OPEN ? Math.max(capacity - booked - held, 0) : 0;
    }

    public boolean beforeDeadline(Instant now) {
        return now.isBefore(orderDeadline);
    }

    public boolean takesOrders(Instant now) {
        return status == Status.OPEN && beforeDeadline(now);
    }
}
