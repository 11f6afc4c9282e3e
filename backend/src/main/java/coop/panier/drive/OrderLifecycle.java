package coop.panier.drive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import coop.panier.integrations.EventType;
import coop.panier.common.Caller;
import coop.panier.common.ProblemException;
import coop.panier.common.RequestDigest;
import coop.panier.members.MemberRepository;
import coop.panier.memberships.LedgerEntry;
import coop.panier.memberships.LedgerService;
import coop.panier.volunteering.DoorAccess;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** What happens to an order after it is placed: prepared, handed over and paid, or not collected. */
@ApplicationScoped
public class OrderLifecycle {

    private static final Logger LOG = Logger.getLogger(OrderLifecycle.class);

    @Inject
    EntityManager em;

    @Inject
    OrderEvents events;

    @Inject
    OrderService orders;

    @Inject
    LedgerService ledger;

    @Inject
    MemberRepository members;

    @Inject
    DoorAccess door;

    @Inject
    Clock clock;

    @ConfigProperty(name = "panier.drive.no-show-grace-minutes", defaultValue = "120")
    int graceMinutes;

    public record Payment(long amountCents, LedgerEntry.Method method, String reference) {
    }

    /** PLACED ↔ PREPARED; NO_SHOW once the slot has ended. */
    public Order changeStatus(Caller caller, UUID orderId, Order.Status status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Order order = orders.lockOrder(caller, orderId);
            if (order.status == status) {
                return order;
            }
            if (!order.status.live()) {
                throw ProblemException.conflict("Cette commande est " + OrderService.statusText(order.status) + ".");
            }
            if (status == Order.Status.NO_SHOW) {
                PickupSlot slot = em.find(PickupSlot.class, order.slotId);
                if (slot.status == PickupSlot.Status.CANCELLED) {
                    throw ProblemException.conflict("Ce créneau a été annulé : ses commandes ne sont pas à retirer.");
                }
                if (clock.instant().isBefore(slot.endsAt)) {
                    throw ProblemException.conflict("Le créneau n'est pas encore terminé : la commande peut encore être retirée.");
                }
                noShow(order);
            } else {
                order.status = status;
                em.flush();
                events.order(status == Order.Status.PREPARED ? EventType.ORDER_PREPARED : EventType.ORDER_CHANGED, order);
            }
            return order;
        });
    }

    /**
     * Hands the order over: charged to the household, and the payment recorded if one is given.
     * A retry with the same key returns the order and records nothing more.
     */
    public Order pickUp(Caller caller, UUID orderId, Payment payment, String idempotencyKey) {
        String hash = RequestDigest.of(orderId + "|" + (payment == null ? "-"
                : payment.amountCents() + "|" + payment.method() + "|" + payment.reference()));
        return QuarkusTransaction.requiringNew().call(() -> {
            // An admin, or a member at the door (DoorAccess): either hands over any basket.
            door.require(caller);
            Order order = orders.lockAnyOrder(orderId);
            if (idempotencyKey != null && idempotencyKey.equals(order.pickupKey)) {
                if (!hash.equals(order.pickupHash)) {
                    throw keyReused();
                }
                return order;
            }
            if (idempotencyKey != null && !em.createQuery("select o.id from CustomerOrder o where o.pickupKey = :k",
                    UUID.class).setParameter("k", idempotencyKey).getResultList().isEmpty()) {
                throw keyReused();
            }
            if (!order.status.live()) {
                throw ProblemException.conflict("Cette commande est " + OrderService.statusText(order.status) + ".");
            }
            orders.lockProducts(order.lines.stream().map(l -> l.productId).toList());
            order.status = Order.Status.PICKED_UP;
            order.pickedUpAt = clock.instant();
            order.pickupKey = idempotencyKey;
            order.pickupHash = idempotencyKey == null ? null : hash;
            em.flush();
            orders.sell(order, members.idOf(caller));
            ledger.chargeOrder(order.householdId, order.id, order.totalCents,
                    payment == null ? null : payment.method(), payment == null ? 0 : payment.amountCents(),
                    payment == null ? null : payment.reference(), members.idOf(caller));
            events.order(EventType.ORDER_PICKED_UP, order);
            return order;
        });
    }

    /** The key named another pickup, of this order or of another: a client bug, never a retry. */
    private static ProblemException keyReused() {
        return RequestDigest.reused("un autre retrait");
    }

    /**
     * Baskets not collected by the end of their slot plus a grace period: what they reserved is
     * on sale again. A cancelled slot has no orders left to mark.
     */
    @Scheduled(every = "${panier.drive.no-show-check:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void markNoShows() {
        Instant limit = clock.instant().minus(Duration.ofMinutes(graceMinutes));
        List<UUID> late = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select o.id from CustomerOrder o, PickupSlot s where s.id = o.slotId and s.endsAt <= :limit"
                        + " and o.status in :live and s.status <> :cancelled", UUID.class)
                .setParameter("limit", limit).setParameter("cancelled", PickupSlot.Status.CANCELLED)
                .setParameter("live", List.of(Order.Status.PLACED, Order.Status.PREPARED)).getResultList());
        for (UUID id : late) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    Order order = em.find(Order.class, id);
                    em.refresh(order, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                    if (order.status.live()) {
                        noShow(order);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not mark order %s as not collected", id);
            }
        }
    }

    /** Writing the status releases what the order reserved: its stock is back on sale. */
    private void noShow(Order order) {
        orders.lockProducts(order.lines.stream().map(l -> l.productId).toList());
        order.status = Order.Status.NO_SHOW;
        em.flush();
        events.order(EventType.ORDER_NO_SHOW, order);
    }
}
