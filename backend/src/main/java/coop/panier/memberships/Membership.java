package coop.panier.memberships;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An adhésion: a household's membership for a period, at the bracket computed from the income
 * declared on `declaredOn` (the income itself is not kept). What was paid is in the ledger.
 */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false, updatable = false)
    public UUID householdId;

    @Column(name = "scale_id", nullable = false, updatable = false)
    public UUID scaleId;

    @Column(name = "bracket_code", nullable = false, updatable = false)
    public String bracketCode;

    @Column(name = "bracket_fee_cents", nullable = false, updatable = false)
    public long bracketFeeCents;

    @Column(name = "solidarity_cents", nullable = false, updatable = false)
    public long solidarityCents;

    @Column(name = "period_start", nullable = false, updatable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false, updatable = false)
    public LocalDate periodEnd;

    @Column(name = "declared_on", nullable = false, updatable = false)
    public LocalDate declaredOn;

    public long amountDueCents() {
        return bracketFeeCents + solidarityCents;
    }
}
