package coop.panier.drive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import coop.panier.integrations.EventType;
import coop.panier.integrations.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The drive's events, with the payloads the contract documents (`OrderEventPayload`, `SlotEventPayload`). */
@ApplicationScoped
class OrderEvents {

    @Inject
    Outbox outbox;

    void order(EventType type, Order order) {
        outbox.record(type, order.id, payload(order));
    }

    /**
     * A cancellation says why only when its slot was cancelled: that reason is the co-op's. What a
     * member wrote stays out of the events, which are kept as written and could not be erased.
     */
    void cancelled(Order order, PickupSlot slot) {
        Map<String, Object> payload = payload(order);
        if (slot.status == PickupSlot.Status.CANCELLED && slot.cancelReason != null) {
            payload.put("reason", slot.cancelReason);
        }
        outbox.record(EventType.ORDER_CANCELLED, order.id, payload);
    }

    private static Map<String, Object> payload(Order order) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", order.id);
        payload.put("number", order.number);
        payload.put("memberId", order.memberId);
        payload.put("householdId", order.householdId);
        payload.put("slotId", order.slotId);
        payload.put("status", order.status.name());
        payload.put("totalCents", order.totalCents);
        payload.put("currency", "EUR");
        List<Map<String, Object>> lines = order.lines.stream().map(line -> Map.<String, Object>of(
                "productId", line.productId, "productName", line.productName,
                "quantity", line.quantity.stripTrailingZeros(), "unitPriceCents", line.unitPriceCents)).toList();
        payload.put("lines", lines);
        return payload;
    }

    void slot(EventType type, PickupSlot slot) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("slotId", slot.id);
        payload.put("place", slot.place);
        payload.put("startsAt", slot.startsAt.toString());
        payload.put("endsAt", slot.endsAt.toString());
        payload.put("orderDeadline", slot.orderDeadline.toString());
        payload.put("capacity", slot.capacity);
        payload.put("status", slot.status.name());
        if (slot.cancelReason != null) {
            payload.put("reason", slot.cancelReason);
        }
        outbox.record(type, slot.id, payload);
    }

    void waitlist(EventType type, PickupSlot slot, java.util.UUID memberId, java.time.Instant offerUntil) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("slotId", slot.id);
        payload.put("memberId", memberId);
        if (offerUntil != null) {
            payload.put("offerUntil", offerUntil.toString());
        }
        outbox.record(type, slot.id, payload);
    }
}
