package coop.panier.volunteering;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import coop.panier.integrations.EventType;
import coop.panier.integrations.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The shifts' events, with the payload the contract documents (`ShiftEventPayload`). */
@ApplicationScoped
class ShiftEvents {

    @Inject
    Outbox outbox;

    void signup(EventType type, Shift shift, UUID memberId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("shiftId", shift.id);
        payload.put("memberId", memberId);
        payload.put("task", shift.task);
        payload.put("startsAt", shift.startsAt.toString());
        payload.put("endsAt", shift.endsAt.toString());
        outbox.record(type, shift.id, payload);
    }
}
