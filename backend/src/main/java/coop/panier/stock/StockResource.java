package coop.panier.stock;

import java.time.ZoneOffset;
import java.util.UUID;

import coop.panier.api.StockApi;
import coop.panier.api.model.LossReason;
import coop.panier.api.model.StockMovementInput;
import coop.panier.api.model.StockMovementKind;
import coop.panier.api.model.StockMovementPage;
import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

@RolesAllowed({ "admin", "referent" })
public class StockResource implements StockApi {

    @Inject
    StockService stock;

    @Inject
    Caller caller;

    @Override
    public Response listStockMovements(UUID productId, Integer limit, String cursor) {
        Cursor.Slice<StockMovement> page = stock.page(caller, productId, limit, cursor);
        return Response.ok(new StockMovementPage().items(page.items().stream().map(StockResource::toApi).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response recordStockMovement(UUID productId, StockMovementInput in) {
        StockMovement recorded = stock.record(caller, productId, new StockService.Movement(
                StockMovement.Kind.valueOf(in.getKind().name()), in.getQuantity(), in.getCountedQuantity(),
                in.getUnitCostCents(),
                in.getLossReason() == null ? null : StockMovement.LossReason.valueOf(in.getLossReason().name()),
                in.getNote()));
        return Response.created(java.net.URI.create("/api/v1/products/" + productId + "/stock-movements"))
                .entity(toApi(recorded)).build();
    }

    static coop.panier.api.model.StockMovement toApi(StockMovement m) {
        return new coop.panier.api.model.StockMovement()
                .id(m.id).productId(m.productId).kind(StockMovementKind.fromValue(m.kind.name()))
                .quantity(m.quantity.stripTrailingZeros())
                .countedQuantity(m.countedQuantity == null ? null : m.countedQuantity.stripTrailingZeros())
                .unitCostCents(m.unitCostCents)
                .lossReason(m.lossReason == null ? null : LossReason.fromValue(m.lossReason.name()))
                .note(m.note).stockAfter(m.stockAfter.stripTrailingZeros())
                .recordedAt(m.recordedAt.atOffset(ZoneOffset.UTC));
    }
}
