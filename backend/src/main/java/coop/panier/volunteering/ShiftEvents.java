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
        Map<String, Object> payload = payload(shift);
        payload.put("memberId", memberId);
        outbox.record(type, shift.id, payload);
    }

    /** The member replaced (mailed to them) and their stand-in. */
    void standInFound(Shift shift, UUID replaced, UUID standIn) {
        Map<String, Object> payload = payload(shift);
        payload.put("memberId", replaced);
        payload.put("standInMemberId", standIn);
        outbox.record(EventType.SHIFT_STAND_IN_FOUND, shift.id, payload);
    }

    /** No member: the shift and how many seats it still lacks. */
    void understaffed(Shift shift) {
        Map<String, Object> payload = payload(shift);
        payload.put("freeSeats", shift.freeSeats());
        outbox.record(EventType.SHIFT_UNDERSTAFFED, shift.id, payload);
    }

    private static Map<String, Object> payload(Shift shift) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("shiftId", shift.id);
        payload.put("task", shift.task);
        payload.put("startsAt", shift.startsAt.toString());
        payload.put("endsAt", shift.endsAt.toString());
        return payload;
    }
}
