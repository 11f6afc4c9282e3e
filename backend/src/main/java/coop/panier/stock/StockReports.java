package coop.panier.stock;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import coop.panier.catalog.Product;
import coop.panier.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** What the stock tells the co-op: what is wasted, what to order again. */
@ApplicationScoped
public class StockReports {

    public enum GroupBy {
        PRODUCT("p.id", "p.name"), CATEGORY("c.id", "c.name"), SUPPLIER("s.id", "s.name");

        final String key;
        final String label;

        GroupBy(String key, String label) {
            this.key = key;
            this.label = label;
        }
    }

    public record Row(UUID id, String label, BigDecimal quantity, long valueCents) {
    }

    public record LossReport(LocalDate from, LocalDate to, GroupBy groupBy, List<Row> rows) {

        public long totalValueCents() {
            return rows.stream().mapToLong(Row::valueCents).sum();
        }
    }

    /** Each loss is valued at the last purchase cost known before it, else at the selling price. */
    private static final String LOSSES = """
            select %s, %s, sum(-l.quantity), cast(round(sum(-l.quantity * coalesce(
                       (select r.unit_cost_cents from stock_movement r
                        where r.product_id = l.product_id and r.kind = 'RECEPTION' and r.unit_cost_cents is not null
                          and r.seq < l.seq order by r.seq desc limit 1),
                       p.price_cents))) as bigint) as value
            from stock_movement l
            join product p on p.id = l.product_id
            join category c on c.id = p.category_id
            join supplier s on s.id = p.supplier_id
            where l.kind = 'LOSS' and l.recorded_at >= :from and l.recorded_at < :until
            group by 1, 2
            order by value desc, 2
            """;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public LossReport losses(LocalDate from, LocalDate to, GroupBy groupBy) {
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "la fin de la période précède son début");
        }
        OffsetDateTime start = from.atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime until = to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        List<?> found = em.createNativeQuery(LOSSES.formatted(groupBy.key, groupBy.label))
                .setParameter("from", start).setParameter("until", until).getResultList();
        return new LossReport(from, to, groupBy, found.stream().map(r -> {
            Object[] cells = (Object[]) r;
            return new Row((UUID) cells[0], (String) cells[1], (BigDecimal) cells[2], ((Number) cells[3]).longValue());
        }).toList());
    }

    /** Active products whose available stock is under their threshold, the emptiest relative to it first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Product> lowStock() {
        return Product.list("active = true and lowStockThreshold is not null"
                + " and stockOnHand - stockReserved < lowStockThreshold"
                + " order by (stockOnHand - stockReserved) / lowStockThreshold, name");
    }
}
