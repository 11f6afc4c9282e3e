package coop.panier.integrations;

/**
 * What Panier tells, with the version of each payload (the contract's `DomainEvent` and
 * `EventType` schemas document them). The subject is what the event is about, by its id.
 */
public enum EventType {
    ORDER_PLACED("order.placed", "order"),
    ORDER_CHANGED("order.changed", "order"),
    ORDER_CANCELLED("order.cancelled", "order"),
    ORDER_PREPARED("order.prepared", "order"),
    ORDER_PICKED_UP("order.picked_up", "order"),
    ORDER_NO_SHOW("order.no_show", "order"),
    SLOT_PUBLISHED("slot.published", "slot"),
    SLOT_CHANGED("slot.changed", "slot"),
    SLOT_CANCELLED("slot.cancelled", "slot"),
    WAITLIST_PLACE_OFFERED("waitlist.place_offered", "slot"),
    WAITLIST_OFFER_EXPIRED("waitlist.offer_expired", "slot"),
    MEMBERSHIP_JOINED("membership.joined", "membership"),
    MEMBERSHIP_PAID("membership.paid", "membership"),
    PAYMENT_RECORDED("payment.recorded", "household"),
    MEMBER_STATUS_CHANGED("member.status_changed", "member"),
    STOCK_LOW("stock.low", "product"),
    PRICE_LIST_IMPORT_FINISHED("price_list_import.finished", "price_list_import"),
    WEBHOOK_TEST("webhook.test", "webhook"),
    WEBHOOK_DISABLED("webhook.disabled", "webhook");

    private final String wireName;
    private final String subject;

    EventType(String wireName, String subject) {
        this.wireName = wireName;
        this.subject = subject;
    }

    public String wireName() {
        return wireName;
    }

    /** What the subject id names: an order, a slot (for its waitlist too), a household (its account)… */
    public String subject() {
        return subject;
    }

    public int version() {
        return 1;
    }

    /** Told to the member named in the payload (`memberId`) by e-mail too. */
    public boolean mailed() {
        return this == ORDER_PLACED || this == ORDER_CHANGED || this == ORDER_CANCELLED || this == WAITLIST_PLACE_OFFERED;
    }

    /** Delivered to every endpoint that asked for it; a test event goes to its own endpoint only. */
    public boolean toSubscribers() {
        return this != WEBHOOK_TEST;
    }

    /** Mailed to the co-op's admins (the address panier.admin-mail). */
    public boolean toAdmins() {
        return this == WEBHOOK_DISABLED;
    }
}
