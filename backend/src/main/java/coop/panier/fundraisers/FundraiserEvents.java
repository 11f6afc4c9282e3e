package coop.panier.fundraisers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import coop.panier.integrations.EventType;
import coop.panier.integrations.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The fundraisers' events, with the payload the contract documents (`FundraiserEventPayload`). */
@ApplicationScoped
class FundraiserEvents {

    @Inject
    Outbox outbox;

    void opened(Fundraiser fundraiser, UUID memberId) {
        Map<String, Object> payload = payload(fundraiser, new Pledges.Totals(0, 0));
        payload.put("memberId", memberId);
        outbox.record(EventType.FUNDRAISER_OPENED, fundraiser.id, payload);
    }

    /** Reached or missed: mailed to the pledgers whose pledges it made due or released. */
    void closed(EventType type, Fundraiser fundraiser, Pledges.Totals totals) {
        outbox.record(type, fundraiser.id, payload(fundraiser, totals));
    }

    private static Map<String, Object> payload(Fundraiser fundraiser, Pledges.Totals totals) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fundraiserId", fundraiser.id);
        payload.put("title", fundraiser.title);
        payload.put("goalCents", fundraiser.goalCents);
        payload.put("pledgedCents", totals.pledgedCents());
        payload.put("pledgers", totals.pledgers());
        payload.put("deadline", fundraiser.deadline.toString());
        return payload;
    }
}
