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
    ORDER_PICKUP_REMINDER("order.pickup_reminder", "order"),
    SLOT_PUBLISHED("slot.published", "slot"),
    SLOT_CHANGED("slot.changed", "slot"),
    SLOT_CANCELLED("slot.cancelled", "slot"),
    WAITLIST_PLACE_OFFERED("waitlist.place_offered", "slot"),
    WAITLIST_OFFER_EXPIRED("waitlist.offer_expired", "slot"),
    MEMBERSHIP_JOINED("membership.joined", "membership"),
    MEMBERSHIP_PAID("membership.paid", "membership"),
    MEMBERSHIP_EXPIRING("membership.expiring", "membership"),
    PAYMENT_RECORDED("payment.recorded", "household"),
    MEMBER_STATUS_CHANGED("member.status_changed", "member"),
    STOCK_LOW("stock.low", "product"),
    PRICE_LIST_IMPORT_FINISHED("price_list_import.finished", "price_list_import"),
    WEBHOOK_TEST("webhook.test", "webhook"),
    WEBHOOK_DISABLED("webhook.disabled", "webhook"),
    SHIFT_SIGNED_UP("shift.signed_up", "shift"),
    SHIFT_WITHDRAWN("shift.withdrawn", "shift"),
    SHIFT_STAND_IN_WANTED("shift.stand_in_wanted", "shift"),
    SHIFT_STAND_IN_FOUND("shift.stand_in_found", "shift"),
    SHIFT_UNDERSTAFFED("shift.understaffed", "shift"),
    HOURS_CREDITED("hours.credited", "household"),
    HOUSEHOLD_STANDING_CHANGED("household.standing_changed", "household"),
    FUNDRAISER_OPENED("fundraiser.opened", "fundraiser"),
    FUNDRAISER_REACHED("fundraiser.reached", "fundraiser"),
    FUNDRAISER_MISSED("fundraiser.missed", "fundraiser"),
    WORKSHOP_SCHEDULED("workshop.scheduled", "workshop"),
    WORKSHOP_CANCELLED("workshop.cancelled", "workshop"),
    WORKSHOP_REGISTERED("workshop.registered", "workshop"),
    WORKSHOP_WITHDRAWN("workshop.withdrawn", "workshop"),
    WORKSHOP_PROMOTED("workshop.promoted", "workshop"),
    ASSEMBLY_SCHEDULED("assembly.scheduled", "assembly"),
    ASSEMBLY_AGENDA_PUBLISHED("assembly.agenda_published", "assembly"),
    ASSEMBLY_MINUTES_PUBLISHED("assembly.minutes_published", "assembly"),
    PROPOSAL_OPENED("proposal.opened", "proposal"),
    PROPOSAL_CLOSING_SOON("proposal.closing_soon", "proposal"),
    PROPOSAL_DECIDED("proposal.decided", "proposal"),
    PROPOSAL_ROUND_STARTED("proposal.round_started", "proposal"),
    PROPOSAL_REVIEW_DUE("proposal.review_due", "proposal");

    private final String wireName;
    private final String subject;

    EventType(String wireName, String subject) {
        this.wireName = wireName;
        this.subject = subject;
    }

    public String wireName() {
        return wireName;
    }

    /** What the subject id names: an order, a slot (for its waitlist too), a shift, a household (its account)… */
    public String subject() {
        return subject;
    }

    public int version() {
        return 1;
    }

    /**
     * Who is told by e-mail: nobody, the member the payload names (`memberId`), the household's
     * members (`householdId`), or the volunteers who could come: the active members not on the
     * shift the payload names (`shiftId`), the members whose pledges the fundraiser the payload
     * names (`fundraiserId`) made due or released, every active member (`MEMBERS`, for what the
     * whole co-op is told: an assembly's agenda and minutes, the payload naming `assemblyId`), or
     * the members listed by whoever records the event (`Outbox.record(type, subject, payload,
     * recipients)`: a working group's members…).
     */
    public enum Recipients {
        NOBODY, MEMBER, HOUSEHOLD, VOLUNTEERS, PLEDGERS, MEMBERS, LISTED
    }

    public Recipients mailedTo() {
        return switch (this) {
            case ORDER_PLACED, ORDER_CHANGED, ORDER_CANCELLED, ORDER_PICKUP_REMINDER, WAITLIST_PLACE_OFFERED,
                    SHIFT_STAND_IN_FOUND -> Recipients.MEMBER;
            case SHIFT_STAND_IN_WANTED, SHIFT_UNDERSTAFFED -> Recipients.VOLUNTEERS;
            // A guest promoted has no member id: workshops/GuestMails writes to them.
            case WORKSHOP_PROMOTED -> Recipients.MEMBER;
            case MEMBERSHIP_JOINED, MEMBERSHIP_EXPIRING, PAYMENT_RECORDED -> Recipients.HOUSEHOLD;
            case FUNDRAISER_REACHED, FUNDRAISER_MISSED -> Recipients.PLEDGERS;
            case ASSEMBLY_AGENDA_PUBLISHED, ASSEMBLY_MINUTES_PUBLISHED -> Recipients.MEMBERS;
            case PROPOSAL_OPENED, PROPOSAL_CLOSING_SOON, PROPOSAL_DECIDED, PROPOSAL_ROUND_STARTED,
                    PROPOSAL_REVIEW_DUE -> Recipients.LISTED;
            default -> Recipients.NOBODY;
        };
    }

    /**
     * The member's column that says whether they want this mail, for reminders they may turn
     * off in Mon compte; null for what always goes (what they did themselves, what the co-op
     * changed in their order).
     */
    public String reminderChoice() {
        return switch (this) {
            case ORDER_PICKUP_REMINDER -> "pickup_reminder";
            case MEMBERSHIP_EXPIRING -> "membership_reminder";
            case SHIFT_STAND_IN_WANTED, SHIFT_UNDERSTAFFED -> "volunteer_offers";
            case PROPOSAL_OPENED -> "proposal_mails";
            default -> null;
        };
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
