package coop.panier.drive;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import coop.panier.api.model.FieldError;
import coop.panier.api.model.Shortage;
import coop.panier.catalog.Product;
import coop.panier.integrations.EventType;
import coop.panier.common.Caller;
import coop.panier.common.ETags;
import coop.panier.common.ProblemException;
import coop.panier.common.RequestDigest;
import coop.panier.members.Member;
import coop.panier.members.MemberRepository;
import coop.panier.members.Standing;
import coop.panier.stock.StockAlerts;
import coop.panier.stock.StockMovement;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

/**
 * Placing, changing and cancelling orders. Each runs in one transaction that locks, in this
 * order, the member, the order, its slots and its products (by id), so that concurrent ones
 * wait for each other instead of deadlocking; PostgreSQL's checks on stock and slot places
 * refuse whatever would still slip through. An order moves no stock until it is picked up:
 * PostgreSQL counts what its lines reserve (V12) while it is placed or prepared.
 */
@ApplicationScoped
public class OrderService {

    @Inject
    StockAlerts alerts;

    @Inject
    EntityManager em;

    @Inject
    SlotPlaces places;

    @Inject
    MemberRepository members;

    @Inject
    Standing standing;

    @Inject
    OrderEvents events;

    @Inject
    Clock clock;

    public record Line(UUID productId, BigDecimal quantity) {
    }

    public record Request(UUID slotId, List<Line> lines) {

        String digest() {
            String text = slotId + "|" + lines.stream().sorted(Comparator.comparing(Line::productId))
                    .map(l -> l.productId() + ":" + l.quantity().stripTrailingZeros().toPlainString())
                    .collect(Collectors.joining(","));
            return RequestDigest.of(text);
        }
    }

    /** The caller's member, who must be active with a paid membership to order. */
    public Member activeMember(Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Member member = members.findBySubject(caller.subject()).orElseThrow(OrderService::membershipRequired);
            requireActive(member);
            return member;
        });
    }

    public Order place(Caller caller, Request request, String idempotencyKey) {
        String hash = request.digest();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Member member = lockMember(caller);
                if (idempotencyKey != null) {
                    List<Order> earlier = em.createQuery("from CustomerOrder o where o.memberId = :m and o.idempotencyKey = :k",
                            Order.class).setParameter("m", member.id).setParameter("k", idempotencyKey).getResultList();
                    if (!earlier.isEmpty()) {
                        return replay(earlier.get(0), hash);
                    }
                }
                requireActive(member);
                Instant now = clock.instant();
                PickupSlot slot = places.lock(request.slotId())
                        .orElseThrow(() -> ProblemException.invalidField("slotId", "créneau inconnu"));
                Order existing = liveOrderIn(member.id, slot.id);
                if (existing != null) {
                    throw ProblemException.conflict("Vous avez déjà une commande (n° " + existing.number
                            + ") pour ce créneau : modifiez-la plutôt.");
                }
                SlotPlaces.refuseUnlessOrderable(slot, now);
                Map<UUID, Product> products = lockProducts(request.lines().stream().map(Line::productId).toList());
                Map<UUID, BigDecimal> wanted = validated(request.lines(), products);
                refuseShortages(wanted, Map.of(), products);
                places.take(slot, member.id, now);

                Order order = new Order();
                order.id = UUID.randomUUID();
                order.memberId = member.id;
                order.householdId = member.householdId;
                order.slotId = slot.id;
                order.status = Order.Status.PLACED;
                order.placedAt = now;
                order.idempotencyKey = idempotencyKey;
                order.requestHash = idempotencyKey == null ? null : hash;
                wanted.forEach((id, quantity) -> order.lines.add(OrderLine.of(products.get(id), quantity)));
                order.total();
                alerts.reserved(products, wanted, Map.of());
                em.persist(order);
                em.flush();
                em.createNativeQuery("delete from basket_line where member_id = ?1").setParameter(1, member.id)
                        .executeUpdate();
                em.flush();
                em.refresh(order);
                events.order(EventType.ORDER_PLACED, order);
                return order;
            });
        } catch (PersistenceException e) {
            if (idempotencyKey != null && Violations.of(e, "order_idempotency")) {
                // The same key arrived twice at once: the other request placed the order.
                return QuarkusTransaction.requiringNew().call(() -> replay(em.createQuery(
                        "from CustomerOrder o where o.idempotencyKey = :k and o.memberId = (select m.id from Member m"
                                + " where m.keycloakSubject = :s)", Order.class)
                        .setParameter("k", idempotencyKey).setParameter("s", caller.subject()).getSingleResult(), hash));
            }
            throw Violations.translate(e);
        }
    }

    /**
     * New lines or another slot, until the deadline. The quantity already ordered keeps its
     * frozen price; quantity added is charged at today's price (see {@link OrderLine}).
     */
    public Order change(Caller caller, UUID orderId, String ifMatch, Request request) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Order order = lockOrder(caller, orderId);
                if (!caller.admin()) {
                    requireActive(em.find(Member.class, order.memberId));
                }
                ETags.requireCurrent(ifMatch, order.version);
                requireChangeable(order);
                Instant now = clock.instant();
                Set<UUID> slotIds = new TreeSet<>(List.of(order.slotId, request.slotId()));
                Map<UUID, PickupSlot> slots = places.lock(slotIds).stream()
                        .collect(Collectors.toMap(s -> s.id, s -> s));
                PickupSlot current = slots.get(order.slotId);
                if (!current.beforeDeadline(now)) {
                    throw tooLate(current);
                }
                PickupSlot target = slots.get(request.slotId());
                if (target == null) {
                    throw ProblemException.invalidField("slotId", "créneau inconnu");
                }
                if (target != current && liveOrderIn(order.memberId, target.id) != null) {
                    throw ProblemException.conflict("Vous avez déjà une commande pour ce créneau.");
                }
                Set<UUID> productIds = new TreeSet<>(request.lines().stream().map(Line::productId).toList());
                order.lines.forEach(l -> productIds.add(l.productId));
                Map<UUID, Product> products = lockProducts(productIds);
                Map<UUID, BigDecimal> wanted = validated(request.lines(), products);
                Map<UUID, BigDecimal> had = order.lines.stream()
                        .collect(Collectors.toMap(l -> l.productId, l -> l.quantity));
                refuseShortages(wanted, had, products);
                if (target != current) {
                    places.take(target, order.memberId, now);
                    order.slotId = target.id;
                    em.flush();
                    places.release(current, now);
                }
                Map<UUID, OrderLine> before = order.lines.stream().collect(Collectors.toMap(l -> l.productId, l -> l));
                order.lines.clear();
                wanted.forEach((id, quantity) -> {
                    OrderLine earlier = before.get(id);
                    order.lines.add(earlier == null ? OrderLine.of(products.get(id), quantity)
                            : earlier.changedTo(products.get(id), quantity));
                });
                order.total();
                alerts.reserved(products, wanted, had);
                em.flush();
                events.order(EventType.ORDER_CHANGED, order);
                return order;
            });
        } catch (PersistenceException e) {
            throw Violations.translate(e);
        }
    }

    /** Cancels once: a second call finds it cancelled and gives nothing back again. */
    public Order cancel(Caller caller, UUID orderId, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Order order = lockOrder(caller, orderId);
            if (order.status == Order.Status.CANCELLED) {
                return order;
            }
            if (!caller.admin()) {
                requireChangeable(order);
            } else if (!order.status.live()) {
                throw ProblemException.conflict("Cette commande est " + statusText(order.status) + " : elle ne peut plus être annulée.");
            }
            PickupSlot slot = places.lock(order.slotId).orElseThrow();
            if (!caller.admin() && !slot.beforeDeadline(clock.instant())) {
                throw tooLate(slot);
            }
            giveBack(order, slot, reason == null || reason.isBlank() ? null : reason.strip());
            return order;
        });
    }

    /**
     * The slot is being cancelled, in the caller's transaction, which holds the locks of these
     * orders and of the slot: each order goes with it, with the reason the member will read.
     */
    void cancelForSlot(List<Order> live, PickupSlot slot, String reason) {
        lockProducts(live.stream().flatMap(o -> o.lines.stream()).map(l -> l.productId).toList());
        for (Order order : live) {
            giveBack(order, slot, reason);
        }
    }

    Order liveOrderIn(UUID memberId, UUID slotId) {
        return em.createQuery("from CustomerOrder o where o.memberId = :m and o.slotId = :s and o.status in :live",
                Order.class).setParameter("m", memberId).setParameter("s", slotId)
                .setParameter("live", List.of(Order.Status.PLACED, Order.Status.PREPARED))
                .getResultStream().findFirst().orElse(null);
    }

    /** Locks the order's member, then the order: the same order as placing takes. */
    Order lockOrder(Caller caller, UUID orderId) {
        Order found = em.find(Order.class, orderId);
        if (found == null || (!caller.admin() && !found.memberId.equals(members.idOf(caller)))) {
            throw notFound();
        }
        return lock(found);
    }

    /** Locks any order, for those who may act on every order (the caller checked who they are). */
    Order lockAnyOrder(UUID orderId) {
        Order found = em.find(Order.class, orderId);
        if (found == null) {
            throw notFound();
        }
        return lock(found);
    }

    private Order lock(Order found) {
        lockMemberById(found.memberId);
        em.refresh(found, LockModeType.PESSIMISTIC_WRITE);
        return found;
    }

    /** The order's reservation is released by PostgreSQL when its status is written. */
    private void giveBack(Order order, PickupSlot slot, String reason) {
        lockProducts(order.lines.stream().map(l -> l.productId).toList());
        order.status = Order.Status.CANCELLED;
        order.cancelReason = reason;
        em.flush();
        places.release(slot, clock.instant());
        events.cancelled(order, slot);
    }

    /**
     * The order was handed over and its status written (which released its reservation): its
     * lines leave the shop, one sale per line.
     */
    void sell(Order order, UUID by) {
        for (OrderLine line : order.lines) {
            StockMovement movement = new StockMovement();
            movement.id = UUID.randomUUID();
            movement.productId = line.productId;
            movement.kind = StockMovement.Kind.SALE;
            movement.quantity = line.quantity.negate();
            movement.orderId = order.id;
            movement.recordedBy = by;
            movement.note = "Commande n° " + order.number;
            em.persist(movement);
        }
        em.flush();
    }

    Map<UUID, Product> lockProducts(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("from Product p where p.id in :ids order by p.id", Product.class)
                .setParameter("ids", new TreeSet<>(ids)).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()
                .stream().collect(Collectors.toMap(p -> p.id, p -> p));
    }

    /** The quantity wanted of each product; a line that cannot be read is a 400 naming it. */
    static Map<UUID, BigDecimal> validated(List<Line> lines, Map<UUID, Product> products) {
        Map<UUID, BigDecimal> wanted = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Product product = products.get(line.productId());
            if (product == null) {
                errors.add(new FieldError().field("lines[" + i + "].productId").message("produit inconnu"));
            } else if (wanted.containsKey(line.productId())) {
                errors.add(new FieldError().field("lines[" + i + "].productId").message("produit déjà présent dans une autre ligne"));
            } else if (line.quantity().remainder(product.orderStep).signum() != 0) {
                errors.add(new FieldError().field("lines[" + i + "].quantity")
                        .message("se commande par multiples de " + DriveTexts.quantity(product.orderStep)));
            } else {
                wanted.put(line.productId(), line.quantity());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return wanted;
    }

    /** Every product that cannot be served, with what is left of it; nothing is applied. */
    static void refuseShortages(Map<UUID, BigDecimal> wanted, Map<UUID, BigDecimal> had, Map<UUID, Product> products) {
        List<Shortage> shortages = new ArrayList<>();
        wanted.forEach((id, quantity) -> {
            Product p = products.get(id);
            BigDecimal already = had.getOrDefault(id, BigDecimal.ZERO);
            BigDecimal more = quantity.subtract(already);
            boolean offered = p.active && p.availableOnDrive;
            if (more.signum() > 0 && (!offered || p.available().compareTo(more) < 0)) {
                BigDecimal available = offered ? p.available().add(already) : already;
                shortages.add(new Shortage().productId(id).productName(p.name).requested(quantity.stripTrailingZeros())
                        .available(available.max(BigDecimal.ZERO).stripTrailingZeros()));
            }
        });
        if (!shortages.isEmpty()) {
            throw ProblemException.shortOf("Certains produits ne peuvent pas être servis : " + shortages.stream()
                    .map(s -> s.getProductName() + " (il en reste " + DriveTexts.quantity(s.getAvailable()) + ")")
                    .collect(Collectors.joining(", ")) + ".", shortages);
        }
    }

    private Member lockMember(Caller caller) {
        Member member = members.findBySubject(caller.subject()).orElseThrow(OrderService::membershipRequired);
        em.refresh(member, LockModeType.PESSIMISTIC_WRITE);
        return member;
    }

    private void lockMemberById(UUID memberId) {
        em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE);
    }

    private void requireActive(Member member) {
        standing.require(member, Standing.Need.ORDER);
    }

    private void requireChangeable(Order order) {
        if (order.status != Order.Status.PLACED) {
            throw ProblemException.conflict("Cette commande est " + statusText(order.status) + " : elle ne peut plus être modifiée.");
        }
    }

    static String statusText(Order.Status status) {
        return switch (status) {
            case PLACED -> "commandée";
            case PREPARED -> "déjà préparée";
            case PICKED_UP -> "déjà retirée";
            case CANCELLED -> "annulée";
            case NO_SHOW -> "marquée non retirée";
        };
    }

    private static ProblemException tooLate(PickupSlot slot) {
        return ProblemException.conflict("La date limite de modification de ce créneau ("
                + DriveTexts.dateTime(slot.orderDeadline) + ") est passée : la commande ne peut plus changer.");
    }

    private static ProblemException membershipRequired() {
        return Standing.Reason.PENDING.problem();
    }

    static ProblemException notFound() {
        return ProblemException.notFound("Aucune commande ne porte cet identifiant.");
    }

    private static Order replay(Order earlier, String hash) {
        return RequestDigest.replay(earlier, earlier.requestHash, hash, "une autre commande");
    }
}
