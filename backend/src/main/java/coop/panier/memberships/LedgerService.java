package coop.panier.memberships;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ProblemException;
import coop.panier.members.HouseholdService;
import coop.panier.members.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** A household's account: its entries, their sum, and corrections as new entries. */
@ApplicationScoped
public class LedgerService {

    @Inject
    LedgerRepository ledger;

    @Inject
    HouseholdService households;

    @Inject
    MembershipRepository memberships;

    @Inject
    MembershipService membershipService;

    @Inject
    MemberRepository members;

    @Inject
    Clock clock;

    public record Page(List<LedgerEntry> items, String nextCursor, long balanceCents) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page page(Caller caller, UUID householdId, Integer limit, String cursor) {
        households.visible(caller, householdId);
        Long afterSeq = Cursor.read(cursor, 1, key -> Long.parseLong(key.get(0)));
        int size = Cursor.limit(limit);
        Cursor.Slice<LedgerEntry> slice = Cursor.slice(ledger.page(householdId, afterSeq == null ? 0 : afterSeq,
                size + 1), size, e -> new String[] { e.seq.toString() });
        return new Page(slice.items(), slice.nextCursor(), ledger.balanceOfHousehold(householdId));
    }

    /**
     * A drive order handed over: its charge, and the payment if one was made, within the
     * caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void chargeOrder(UUID householdId, UUID orderId, long totalCents, LedgerEntry.Method method,
            long paidCents, String reference, UUID recordedBy) {
        LocalDate today = LocalDate.now(clock);
        if (totalCents > 0) {
            LedgerEntry charge = LedgerEntry.of(householdId, null, LedgerEntry.Kind.ORDER_CHARGE, totalCents, today);
            charge.orderId = orderId;
            charge.recordedBy = recordedBy;
            ledger.persist(charge);
        }
        if (paidCents > 0) {
            LedgerEntry payment = LedgerEntry.of(householdId, null, LedgerEntry.Kind.PAYMENT, -paidCents, today);
            payment.orderId = orderId;
            payment.method = method;
            payment.reference = reference == null || reference.isBlank() ? null : reference.strip();
            payment.recordedBy = recordedBy;
            ledger.persist(payment);
        }
    }

    @Transactional
    public LedgerEntry correct(Caller caller, UUID householdId, UUID correctedId, long amountCents, String reason) {
        households.visible(caller, householdId);
        LedgerEntry corrected = ledger.findByIdOptional(correctedId)
                .filter(e -> e.householdId.equals(householdId))
                .orElseThrow(() -> ProblemException.notFound("Aucune écriture de ce foyer ne porte cet identifiant."));
        if (amountCents == 0) {
            throw ProblemException.invalidField("amountCents", "une correction ne peut pas être nulle");
        }
        LedgerEntry entry = LedgerEntry.of(householdId, corrected.membershipId, LedgerEntry.Kind.CORRECTION,
                amountCents, LocalDate.now(clock));
        entry.correctsEntryId = corrected.id;
        entry.reason = reason.strip();
        entry.recordedBy = members.idOf(caller);
        ledger.persistAndFlush(entry);
        if (corrected.membershipId != null) {
            membershipService.activateIfPaid(memberships.findById(corrected.membershipId));
        }
        return entry;
    }
}
