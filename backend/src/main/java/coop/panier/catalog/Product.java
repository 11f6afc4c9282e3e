package coop.panier.catalog;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

/** Something the co-op sells. Prices are per unit, VAT included, in cents. Never deleted: deactivated. */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    public enum Unit {
        PIECE, KG, G100, LITRE
    }

    public enum Label {
        ORGANIC, LOCAL, SEASONAL, ARTISANAL, FAIR_TRADE
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "category_id", nullable = false)
    public UUID categoryId;

    @Column(name = "supplier_id", nullable = false)
    public UUID supplierId;

    @Column(name = "supplier_reference")
    public String supplierReference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Unit unit;

    @Column(name = "order_step", nullable = false)
    public BigDecimal orderStep;

    @Column(name = "price_cents", nullable = false)
    public long priceCents;

    /** In percent, as French VAT is written: "5.5", "10", "20". */
    @Column(name = "vat_rate", nullable = false)
    public String vatRate;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "product_label", joinColumns = @JoinColumn(name = "product_id"))
    @Column(name = "label")
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 200)
    public Set<Label> labels = EnumSet.noneOf(Label.class);

    public String origin;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "available_on_drive", nullable = false)
    public boolean availableOnDrive;

    @Column(name = "referent_id")
    public UUID referentId;

    @Column(name = "low_stock_threshold")
    public BigDecimal lowStockThreshold;

    /** What is physically in the shop: the sum of the product's stock movements, maintained by them only. */
    @Column(name = "stock_on_hand", nullable = false, insertable = false, updatable = false)
    public BigDecimal stockOnHand = BigDecimal.ZERO;

    /** What orders not yet picked up hold, counted by PostgreSQL from their lines. */
    @Column(name = "stock_reserved", nullable = false, insertable = false, updatable = false)
    public BigDecimal stockReserved = BigDecimal.ZERO;

    @Version
    public long version;

    /** What the drive may still sell; PostgreSQL keeps it from going below zero. */
    public BigDecimal available() {
        return stockOnHand.subtract(stockReserved);
    }
}
