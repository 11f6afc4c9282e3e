package coop.panier.drive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A commande: a member's basket for a pickup slot. */
@Entity(name = "CustomerOrder")
@Table(name = "customer_order")
public class Order extends PanacheEntityBase {

    public enum Status {
        PLACED, PREPARED, PICKED_UP, CANCELLED, NO_SHOW;

        /** Still to be handed over: it holds its stock and its place. */
        public boolean live() {
            return this == PLACED || this == PREPARED;
        }
    }

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long number;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(name = "slot_id", nullable = false)
    public UUID slotId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "total_cents", nullable = false)
    public long totalCents;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "pickup_key")
    public String pickupKey;

    @Column(name = "pickup_hash")
    public String pickupHash;

    @Column(name = "placed_at", nullable = false)
    public Instant placedAt;

    @Column(name = "picked_up_at")
    public Instant pickedUpAt;

    // A page of orders reads its lines in one query per hundred orders, not one per order.
    @BatchSize(size = 100)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("productName")
    public List<OrderLine> lines = new ArrayList<>();

    @Version
    public long version;

    void total() {
        totalCents = lines.stream().mapToLong(OrderLine::totalCents).sum();
    }
}
