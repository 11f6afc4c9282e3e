package coop.panier.catalog;

import java.util.EnumSet;

import coop.panier.api.model.CategoryInput;
import coop.panier.api.model.ProductInput;
import coop.panier.api.model.ProductLabel;
import coop.panier.api.model.ProductUnit;
import coop.panier.api.model.SupplierInput;
import coop.panier.api.model.SupplierKind;
import coop.panier.api.model.VatRate;

/** Between the catalogue's API representations and its entities. */
public final class CatalogMapper {

    private CatalogMapper() {
    }

    /** Contact and notes are internal: small producers are often private persons. */
    static coop.panier.api.model.Supplier toApi(Supplier s, boolean internal) {
        coop.panier.api.model.Supplier out = new coop.panier.api.model.Supplier()
                .id(s.id).name(s.name).kind(SupplierKind.fromValue(s.kind.name())).locality(s.locality)
                .distanceKm(s.distanceKm);
        return internal ? out.contact(s.contact).notes(s.notes) : out;
    }

    static CatalogService.SupplierDetails details(SupplierInput in) {
        return new CatalogService.SupplierDetails(in.getName(), Supplier.Kind.valueOf(in.getKind().name()),
                in.getLocality(), in.getDistanceKm(), in.getContact(), in.getNotes());
    }

    static coop.panier.api.model.Category toApi(Category c) {
        return new coop.panier.api.model.Category().id(c.id).name(c.name).parentId(c.parentId);
    }

    static String name(CategoryInput in) {
        return in.getName();
    }

    public static coop.panier.api.model.Product toApi(Product p) {
        return new coop.panier.api.model.Product()
                .id(p.id).name(p.name).description(p.description).categoryId(p.categoryId).supplierId(p.supplierId)
                .supplierReference(p.supplierReference).unit(ProductUnit.fromValue(p.unit.name()))
                .orderStep(p.orderStep.stripTrailingZeros()).priceCents(p.priceCents)
                .vatRate(VatRate.fromValue(p.vatRate))
                .labels(p.labels.stream().sorted().map(l -> ProductLabel.fromValue(l.name()))
                        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)))
                .origin(p.origin).active(p.active).availableOnDrive(p.availableOnDrive).referentId(p.referentId)
                .lowStockThreshold(p.lowStockThreshold == null ? null : p.lowStockThreshold.stripTrailingZeros())
                .stockOnHand(p.available().stripTrailingZeros())
                .onHand(p.stockOnHand.stripTrailingZeros()).reserved(p.stockReserved.stripTrailingZeros())
                .available(p.available().stripTrailingZeros())
                .currency(coop.panier.api.model.Product.CurrencyEnum.EUR);
    }

    static coop.panier.api.model.PriceListImport toApi(PriceListImport run, java.util.List<Object[]> rejections) {
        return new coop.panier.api.model.PriceListImport()
                .id(run.id).supplierId(run.supplierId).fileName(run.fileName)
                .status(coop.panier.api.model.PriceListImport.StatusEnum.fromValue(run.status.name()))
                .totalLines(run.totalLines).processedLines(run.processedLines)
                .created(run.created).updated(run.updated).rejected(run.rejected)
                .rejections(rejections.stream().map(r -> new coop.panier.api.model.PriceListImportRejectionsInner()
                        .line(((Number) r[0]).intValue()).reason((String) r[1])).toList())
                .startedAt(run.startedAt.atOffset(java.time.ZoneOffset.UTC))
                .finishedAt(run.finishedAt == null ? null : run.finishedAt.atOffset(java.time.ZoneOffset.UTC));
    }

    static ProductService.Details details(ProductInput in) {
        EnumSet<Product.Label> labels = EnumSet.noneOf(Product.Label.class);
        in.getLabels().forEach(l -> labels.add(Product.Label.valueOf(l.name())));
        return new ProductService.Details(in.getName(), in.getDescription(), in.getCategoryId(), in.getSupplierId(),
                in.getSupplierReference(), Product.Unit.valueOf(in.getUnit().name()), in.getOrderStep(),
                in.getPriceCents(), in.getVatRate().toString(), labels, in.getOrigin(),
                in.getActive(), in.getAvailableOnDrive(), in.getReferentId(), in.getLowStockThreshold());
    }
}
