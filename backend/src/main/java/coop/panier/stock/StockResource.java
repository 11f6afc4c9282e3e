package coop.panier.stock;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import coop.panier.api.StockApi;
import coop.panier.api.model.LossReason;
import coop.panier.api.model.LossReport;
import coop.panier.api.model.LossRow;
import coop.panier.api.model.ProductList;
import coop.panier.api.model.StockMovementInput;
import coop.panier.api.model.StockMovementKind;
import coop.panier.api.model.StockMovementPage;
import coop.panier.common.Caller;
import coop.panier.catalog.CatalogMapper;
import coop.panier.common.Csv;
import coop.panier.common.Cursor;
import coop.panier.common.IntegrationRole;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@RolesAllowed({ "admin", "referent" })
public class StockResource implements StockApi {

    @Inject
    StockService stock;

    @Inject
    StockReports reports;

    @Inject
    Caller caller;

    @Context
    HttpHeaders headers;

    @Override
    public Response listStockMovements(UUID productId, Integer limit, String cursor) {
        Cursor.Slice<StockMovement> page = stock.page(caller, productId, limit, cursor);
        return Response.ok(new StockMovementPage().items(page.items().stream().map(StockResource::toApi).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    @RolesAllowed({ "admin", "referent", IntegrationRole.ROLE })
    public Response recordStockMovement(UUID productId, StockMovementInput in) {
        StockMovement recorded = stock.record(caller, productId, new StockService.Movement(
                StockMovement.Kind.valueOf(in.getKind().name()), in.getQuantity(), in.getCountedQuantity(),
                in.getUnitCostCents(),
                in.getLossReason() == null ? null : StockMovement.LossReason.valueOf(in.getLossReason().name()),
                in.getNote()));
        return Response.created(java.net.URI.create("/api/v1/products/" + productId + "/stock-movements"))
                .entity(toApi(recorded)).build();
    }

    @Override
    public Response getLossReport(LocalDate from, LocalDate to, String groupBy) {
        StockReports.LossReport report = reports.losses(from, to,
                StockReports.GroupBy.valueOf(groupBy == null ? "PRODUCT" : groupBy));
        if (headers.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(MediaType.valueOf("text/csv"))
                && !t.isWildcardType())) {
            Csv csv = new Csv().row("Libellé", "Quantité", "Valeur (€)");
            report.rows().forEach(r -> csv.row(r.label(), Csv.decimal(r.quantity()), Csv.euros(r.valueCents())));
            csv.row("Total", "", Csv.euros(report.totalValueCents()));
            return Response.ok(csv.bytes(), Csv.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"pertes-" + from + "-" + to + ".csv\"").build();
        }
        return Response.ok(new LossReport().from(from).to(to)
                .groupBy(LossReport.GroupByEnum.fromValue(report.groupBy().name()))
                .rows(report.rows().stream().map(r -> new LossRow().id(r.id()).label(r.label())
                        .quantity(r.quantity().stripTrailingZeros()).valueCents(r.valueCents())).toList())
                .totalValueCents(report.totalValueCents())
                .currency(LossReport.CurrencyEnum.EUR)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Override
    public Response listLowStock() {
        return Response.ok(new ProductList().items(reports.lowStock().stream().map(CatalogMapper::toApi).toList()))
                .build();
    }

    static coop.panier.api.model.StockMovement toApi(StockMovement m) {
        return new coop.panier.api.model.StockMovement()
                .id(m.id).productId(m.productId).kind(StockMovementKind.fromValue(m.kind.name()))
                .quantity(m.quantity.stripTrailingZeros())
                .countedQuantity(m.countedQuantity == null ? null : m.countedQuantity.stripTrailingZeros())
                .unitCostCents(m.unitCostCents)
                .lossReason(m.lossReason == null ? null : LossReason.fromValue(m.lossReason.name()))
                .note(m.note).stockAfter(m.stockAfter.stripTrailingZeros()).orderId(m.orderId)
                .recordedAt(m.recordedAt.atOffset(ZoneOffset.UTC));
    }
}
