package coop.panier.memberships;

import java.time.ZoneOffset;

import coop.panier.api.model.LedgerEntryKind;
import coop.panier.api.model.LedgerPage;
import coop.panier.api.model.PaymentMethod;

/** Between ledger entries and their API representation. */
public final class LedgerMapper {

    private LedgerMapper() {
    }

    public static coop.panier.api.model.LedgerEntry toApi(LedgerEntry e) {
        return new coop.panier.api.model.LedgerEntry()
                .id(e.id)
                .householdId(e.householdId)
                .membershipId(e.membershipId)
                .orderId(e.orderId)
                .kind(LedgerEntryKind.fromValue(e.kind.name()))
                .amountCents(e.amountCents)
                .currency(coop.panier.api.model.LedgerEntry.CurrencyEnum.EUR)
                .method(e.method == null ? null : PaymentMethod.fromValue(e.method.name()))
                .occurredOn(e.occurredOn)
                .reference(e.reference)
                .reason(e.reason)
                .correctsEntryId(e.correctsEntryId)
                .recordedAt(e.createdAt == null ? null : e.createdAt.atOffset(ZoneOffset.UTC));
    }

    public static LedgerPage toApi(LedgerService.Page page) {
        return new LedgerPage()
                .items(page.items().stream().map(LedgerMapper::toApi).toList())
                .nextCursor(page.nextCursor())
                .balanceCents(page.balanceCents())
                .currency(LedgerPage.CurrencyEnum.EUR);
    }
}
