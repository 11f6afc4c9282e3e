package coop.panier.stock;

import java.math.BigDecimal;
import java.util.UUID;

import coop.panier.common.Few;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** For the admins' dashboard: how many products are under their threshold, the emptiest first (as `StockReports.lowStock`). */
@ApplicationScoped
public class LowStockAlerts {

    public record Low(UUID productId, String name, String unit, BigDecimal available, BigDecimal threshold) {
    }

    private static final String LOW = """
            select p.id, p.name, p.unit, p.stock_on_hand - p.stock_reserved, p.low_stock_threshold, count(*) over ()
            from product p
            where p.active and p.low_stock_threshold is not null
              and p.stock_on_hand - p.stock_reserved < p.low_stock_threshold
            order by (p.stock_on_hand - p.stock_reserved) / p.low_stock_threshold, p.name
            limit ?1
            """;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Few<Low> few(int few) {
        return Few.ask(em, LOW, r -> new Low((UUID) r[0], (String) r[1], (String) r[2], (BigDecimal) r[3],
                (BigDecimal) r[4]), few);
    }
}
