package coop.panier.memberships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.Immutable;

/**
 * One line of a household's account. Positive amounts are owed by the household, negative ones
 * credited to it; the balance is their sum. Lines are never changed (the database refuses it):
 * a mistake is corrected by a new line that refers to it.
 */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    public enum Kind {
        FEE_DUE, SOLIDARITY, PAYMENT, WAIVER, CORRECTION, ORDER_CHARGE, FUNDRAISER_PLEDGE
    }

    public enum Method {
        CASH, CHEQUE, TRANSFER, CARD
    }

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(name = "membership_id")
    public UUID membershipId;

    @Column(name = "order_id")
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "amount_cents", nullable = false)
    public long amountCents;

    @Enumerated(EnumType.STRING)
    public Method method;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    public String reference;

    public String reason;

    @Column(name = "corrects_entry_id")
    public UUID correctsEntryId;

    @Column(name = "recorded_by")
    public UUID recordedBy;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** A digest of the request that carried the idempotency key, to refuse its reuse for another. */
    @Column(name = "request_hash")
    public String requestHash;

    /** Numbered by the database on insert; read back with the entry, not after persisting it. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "created_at", nullable = false, updatable = false)
    @CreationTimestamp
    public Instant createdAt;

    static LedgerEntry of(UUID householdId, UUID membershipId, Kind kind, long amountCents, LocalDate on) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.householdId = householdId;
        entry.membershipId = membershipId;
        entry.kind = kind;
        entry.amountCents = amountCents;
        entry.occurredOn = on;
        return entry;
    }
}
