package coop.panier.drive;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import coop.panier.catalog.Product;
import coop.panier.common.Csv;
import coop.panier.members.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** What volunteers prepare: the total of each product, and each member's basket. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PreparationLists {

    @Inject
    EntityManager em;

    @Inject
    OrderQueries queries;

    @Inject
    Clock clock;

    public record ProductTotal(UUID productId, String productName, Product.Unit unit, BigDecimal quantity, int orders) {
    }

    public record Basket(Order order, Member member, PickupSlot slot) {
    }

    public record List_(String title, List<PickupSlot> slots, List<ProductTotal> byProduct, List<Basket> byMember) {
    }

    public List_ ofSlot(UUID slotId) {
        PickupSlot slot = em.find(PickupSlot.class, slotId);
        if (slot == null) {
            throw SlotService.notFound();
        }
        String title = capitalized(DriveTexts.day(slot.startsAt)) + ", " + DriveTexts.time(slot.startsAt) + "–"
                + DriveTexts.time(slot.endsAt);
        return of(title, List.of(slot));
    }

    public List_ ofDay(LocalDate day) {
        ZoneId zone = clock.getZone();
        List<PickupSlot> slots = em.createQuery("from PickupSlot s where s.startsAt >= :from and s.startsAt < :to"
                + " and s.status <> :cancelled order by s.startsAt, s.id", PickupSlot.class)
                .setParameter("from", day.atStartOfDay(zone).toInstant())
                .setParameter("to", day.plusDays(1).atStartOfDay(zone).toInstant())
                .setParameter("cancelled", PickupSlot.Status.CANCELLED).getResultList();
        return of(capitalized(DriveTexts.day(day.atStartOfDay(zone).toInstant())), slots);
    }

    private List_ of(String title, List<PickupSlot> slots) {
        if (slots.isEmpty()) {
            return new List_(title, slots, List.of(), List.of());
        }
        List<Order> orders = em.createQuery("from CustomerOrder o where o.slotId in :slots and o.status in :live",
                Order.class).setParameter("slots", slots.stream().map(s -> s.id).toList())
                .setParameter("live", List.of(Order.Status.PLACED, Order.Status.PREPARED)).getResultList();
        List<Basket> baskets = new ArrayList<>(queries.views(orders, true).stream()
                .map(v -> new Basket(v.order(), v.member(), v.slot())).toList());
        baskets.sort(Comparator.comparing((Basket b) -> b.slot().startsAt)
                .thenComparing(b -> b.member().lastName).thenComparing(b -> b.member().firstName)
                .thenComparing(b -> b.order().number));
        Map<String, ProductTotal> totals = new TreeMap<>();
        for (Order order : orders) {
            for (OrderLine line : order.lines) {
                String key = line.productName + "\u0000" + line.productId;
                ProductTotal t = totals.get(key);
                totals.put(key, t == null ? new ProductTotal(line.productId, line.productName, line.unit, line.quantity, 1)
                        : new ProductTotal(t.productId(), t.productName(), t.unit(), t.quantity().add(line.quantity),
                                t.orders() + 1));
            }
        }
        return new List_(title, slots, List.copyOf(totals.values()), baskets);
    }

    public byte[] csv(List_ list) {
        Csv csv = new Csv().row("Créneau", "Commande", "Adhérent", "Nom", "Produit", "Quantité", "Unité",
                "Prix unitaire", "Montant");
        for (Basket b : list.byMember()) {
            for (OrderLine line : b.order().lines) {
                csv.row(DriveTexts.time(b.slot().startsAt), Long.toString(b.order().number), b.member().memberNumber,
                        b.member().firstName + " " + b.member().lastName, line.productName, Csv.decimal(line.quantity),
                        unit(line.unit), Csv.euros(line.unitPriceCents), Csv.euros(line.totalCents()));
            }
        }
        return csv.bytes();
    }

    static String unit(Product.Unit unit) {
        return switch (unit) {
            case PIECE -> "pièce";
            case KG -> "kg";
            case G100 -> "100 g";
            case LITRE -> "litre";
        };
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
