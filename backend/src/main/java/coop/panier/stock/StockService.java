package coop.panier.stock;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import coop.panier.catalog.Product;
import coop.panier.catalog.ProductService;
import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ProblemException;
import coop.panier.members.MemberRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/** Stock changes, recorded by admins and by the référent of the product. */
@ApplicationScoped
public class StockService {

    @Inject
    StockAlerts alerts;

    @Inject
    MemberRepository members;

    @Inject
    ProductService products;

    public record Movement(StockMovement.Kind kind, BigDecimal quantity, BigDecimal countedQuantity,
            Long unitCostCents, StockMovement.LossReason lossReason, String note) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<StockMovement> page(Caller caller, UUID productId, Integer limit, String cursor) {
        products.manageable(caller, productId);
        Long before = Cursor.read(cursor, 1, key -> Long.parseLong(key.get(0)));
        int size = Cursor.limit(limit);
        List<StockMovement> found = StockMovement.find("productId = ?1 and seq < ?2 order by seq desc", productId,
                before == null ? Long.MAX_VALUE : before).page(0, size + 1).list();
        return Cursor.slice(found, size, m -> new String[] { m.seq.toString() });
    }

    /**
     * Records the movement; the database applies it to the stock on hand (what is physically
     * in the shop; an inventory count is compared with it). One that would take the stock on
     * hand below zero, or below what orders not yet picked up reserve, fails there, whatever
     * else is being recorded at the same time, and is reported as a 409.
     */
    public StockMovement record(Caller caller, UUID productId, Movement movement) {
        Product product = products.manageable(caller, productId);
        StockMovement entry = validated(movement);
        entry.id = UUID.randomUUID();
        entry.productId = productId;
        entry.recordedBy = members.idOf(caller);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Product shelf = Product.findById(productId);
                BigDecimal before = shelf.available();
                entry.persistAndFlush();
                Product.getEntityManager().refresh(shelf);
                alerts.tellIfLow(shelf, before, shelf.available());
            });
        } catch (PersistenceException e) {
            if (isNegativeStock(e)) {
                Product now = QuarkusTransaction.requiringNew().call(() -> Product.<Product>findById(productId));
                throw ProblemException.conflict(shortage(now, movement));
            }
            throw e;
        }
        return QuarkusTransaction.requiringNew().call(() -> StockMovement.<StockMovement>findById(entry.id));
    }

    private static StockMovement validated(Movement m) {
        StockMovement entry = new StockMovement();
        entry.kind = m.kind();
        entry.note = m.note() == null || m.note().isBlank() ? null : m.note().strip();
        if (m.kind() == StockMovement.Kind.SALE || m.kind() == StockMovement.Kind.SALE_CANCELLED) {
            throw ProblemException.invalidField("kind", "les ventes sont enregistrées par le drive");
        }
        if (m.kind() == StockMovement.Kind.INVENTORY) {
            if (m.countedQuantity() == null) {
                throw ProblemException.invalidField("countedQuantity", "indiquez la quantité comptée");
            }
            entry.countedQuantity = m.countedQuantity();
            entry.quantity = BigDecimal.ZERO;
            return entry;
        }
        if (m.quantity() == null) {
            throw ProblemException.invalidField("quantity", "indiquez la quantité");
        }
        if (m.kind() == StockMovement.Kind.LOSS && m.lossReason() == null) {
            throw ProblemException.invalidField("lossReason", "indiquez la raison de la perte");
        }
        entry.quantity = m.kind() == StockMovement.Kind.RECEPTION ? m.quantity() : m.quantity().negate();
        entry.unitCostCents = m.kind() == StockMovement.Kind.RECEPTION ? m.unitCostCents() : null;
        entry.lossReason = m.kind() == StockMovement.Kind.LOSS ? m.lossReason() : null;
        return entry;
    }

    private static String shortage(Product product, Movement movement) {
        String onHand = quantity(product.stockOnHand);
        if (product.stockReserved.signum() == 0) {
            return "Stock insuffisant pour « " + product.name + " » : il en reste " + onHand + ".";
        }
        String reserved = quantity(product.stockReserved);
        if (movement.kind() == StockMovement.Kind.INVENTORY) {
            return "Le comptage de « " + product.name + " » (" + quantity(movement.countedQuantity())
                    + ") est inférieur à ce que réservent les commandes pas encore retirées (" + reserved
                    + ") : modifiez ou annulez d'abord celles qui ne pourront pas être servies.";
        }
        return "Stock insuffisant pour « " + product.name + " » : il en reste " + onHand + " en rayon, dont " + reserved
                + " réservés par des commandes pas encore retirées.";
    }

    private static String quantity(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }

    private static boolean isNegativeStock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && (t.getMessage().contains("product_stock_on_hand_check")
                    || t.getMessage().contains("product_stock_available"))) {
                return true;
            }
        }
        return false;
    }
}
