package coop.panier.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A change of a product's stock. The database applies it to the product when it is inserted
 * (and computes an inventory's difference), so the signed quantity and the stock after it are
 * read back, not decided here.
 */
@Entity
@Immutable
@Table(name = "stock_movement")
public class StockMovement extends PanacheEntityBase {

    public enum Kind {
        RECEPTION, SALE, LOSS, INVENTORY, RETURN, SALE_CANCELLED
    }

    public enum LossReason {
        EXPIRED, DAMAGED, UNSOLD, OTHER
    }

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "product_id", nullable = false)
    public UUID productId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(name = "counted_quantity")
    public BigDecimal countedQuantity;

    @Column(name = "unit_cost_cents")
    public Long unitCostCents;

    @Enumerated(EnumType.STRING)
    @Column(name = "loss_reason")
    public LossReason lossReason;

    public String note;

    @Column(name = "stock_after", insertable = false, updatable = false)
    public BigDecimal stockAfter;

    @Column(name = "recorded_by")
    public UUID recordedBy;

    /** The drive order that sold or gave back the stock. */
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "recorded_at", insertable = false, updatable = false)
    public Instant recordedAt;
}
