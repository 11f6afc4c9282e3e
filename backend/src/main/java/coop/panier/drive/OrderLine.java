package coop.panier.drive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

import coop.panier.catalog.Product;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A line of an order: its name and price are frozen when the product is ordered. Quantity
 * added by a later change is charged at the price of that day: `addedQuantity` of `quantity`
 * costs `addedCents` in all, the rest `unitPriceCents` each. Taking quantity off takes the
 * added quantity off first, so that adding and removing again gives the first price back.
 */
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

    @Column(name = "added_quantity", nullable = false)
    public BigDecimal addedQuantity = BigDecimal.ZERO;

    @Column(name = "added_cents", nullable = false)
    public long addedCents;

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
        return totalCents(quantity.subtract(addedQuantity), unitPriceCents) + addedCents;
    }

    /** The same line for another quantity: more is charged at today's price, less comes off what was added last. */
    OrderLine changedTo(Product product, BigDecimal wanted) {
        OrderLine line = of(product, wanted);
        line.unitPriceCents = unitPriceCents;
        BigDecimal more = wanted.subtract(quantity);
        if (more.signum() >= 0) {
            line.addedQuantity = addedQuantity.add(more);
            line.addedCents = addedCents + totalCents(more, product.priceCents);
        } else if (addedQuantity.compareTo(more.negate()) > 0) {
            BigDecimal kept = addedQuantity.add(more);
            line.addedQuantity = kept;
            line.addedCents = BigDecimal.valueOf(addedCents).multiply(kept)
                    .divide(addedQuantity, 0, RoundingMode.HALF_UP).longValueExact();
        }
        return line;
    }

    static long totalCents(BigDecimal quantity, long unitPriceCents) {
        return quantity.multiply(BigDecimal.valueOf(unitPriceCents)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
