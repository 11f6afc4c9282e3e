package coop.panier.stock;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import coop.panier.catalog.Product;
import coop.panier.integrations.EventType;
import coop.panier.integrations.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * `stock.low`, told once each time a product's available stock crosses under its alert
 * threshold: by a stock movement, or by the baskets that reserve it. Nothing is told while it
 * stays under.
 */
@ApplicationScoped
public class StockAlerts {

    @Inject
    Outbox outbox;

    /** The available stock went from `before` to `after`. */
    public void tellIfLow(Product product, BigDecimal before, BigDecimal after) {
        BigDecimal threshold = product.lowStockThreshold;
        if (threshold != null && after.compareTo(threshold) < 0 && before.compareTo(threshold) >= 0) {
            outbox.record(EventType.STOCK_LOW, product.id, Map.of("productId", product.id, "name", product.name,
                    "available", after.stripTrailingZeros(), "threshold", threshold.stripTrailingZeros()));
        }
    }

    /**
     * Baskets now reserve `wanted` instead of `had` of the locked `products`, read before the
     * change: the reservation moves the available stock by the difference, and nothing else
     * can while the rows are locked, so no product needs reading again.
     */
    public void reserved(Map<UUID, Product> products, Map<UUID, BigDecimal> wanted, Map<UUID, BigDecimal> had) {
        wanted.forEach((id, quantity) -> {
            Product product = products.get(id);
            BigDecimal more = quantity.subtract(had.getOrDefault(id, BigDecimal.ZERO));
            if (product != null && more.signum() > 0) {
                BigDecimal before = product.available();
                tellIfLow(product, before, before.subtract(more));
            }
        });
    }
}
