package coop.panier.drive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

import coop.panier.catalog.Product;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A line of an order: its name and price are frozen when the product is ordered. */
@Embeddable
public class OrderLine {

    @Column(name = "product_id", nullable = false)
    public UUID productId;

    @Column(name = "product_name", nullable = false)
    public String productName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Product.Unit unit;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(name = "unit_price_cents", nullable = false)
    public long unitPriceCents;

    static OrderLine of(Product product, BigDecimal quantity) {
        OrderLine line = new OrderLine();
        line.productId = product.id;
        line.productName = product.name;
        line.unit = product.unit;
        line.quantity = quantity;
        line.unitPriceCents = product.priceCents;
        return line;
    }

    public long totalCents() {
        return totalCents(quantity, unitPriceCents);
    }

    static long totalCents(BigDecimal quantity, long unitPriceCents) {
        return quantity.multiply(BigDecimal.valueOf(unitPriceCents)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
