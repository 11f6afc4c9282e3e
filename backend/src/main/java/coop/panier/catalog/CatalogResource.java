package coop.panier.catalog;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import coop.panier.api.CatalogApi;
import coop.panier.api.model.CategoryInput;
import coop.panier.api.model.CategoryList;
import coop.panier.api.model.ProductInput;
import coop.panier.api.model.ProductLabel;
import coop.panier.api.model.ProductPage;
import coop.panier.api.model.SupplierInput;
import coop.panier.api.model.SupplierPage;
import coop.panier.common.Caller;
import coop.panier.common.Csv;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import jakarta.annotation.security.PermitAll;
import coop.panier.common.IntegrationRole;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** The catalogue is public to read: a co-op shows what it sells. */
public class CatalogResource implements CatalogApi {

    @Inject
    CatalogService catalog;

    @Inject
    ProductService products;

    @Inject
    CatalogExport export;

    @Inject
    PriceListImporter importer;

    @Inject
    Caller caller;

    @Override
    @PermitAll
    public Response listSuppliers(Integer limit, String cursor) {
        Cursor.Slice<Supplier> page = catalog.suppliers(limit, cursor);
        boolean internal = caller.staff();
        return Response.ok(new SupplierPage().items(page.items().stream().map(s -> CatalogMapper.toApi(s, internal)).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    @PermitAll
    public Response getSupplier(UUID supplierId) {
        Supplier supplier = catalog.supplier(supplierId);
        return Response.ok(CatalogMapper.toApi(supplier, caller.staff())).tag(ETags.of(supplier.version)).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response createSupplier(SupplierInput input) {
        Supplier supplier = catalog.createSupplier(CatalogMapper.details(input));
        return Response.created(URI.create("/api/v1/suppliers/" + supplier.id)).entity(CatalogMapper.toApi(supplier, true))
                .tag(ETags.of(supplier.version)).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response updateSupplier(UUID supplierId, SupplierInput input, String ifMatch) {
        Supplier supplier = catalog.updateSupplier(supplierId, ifMatch, CatalogMapper.details(input));
        return Response.ok(CatalogMapper.toApi(supplier, caller.staff())).tag(ETags.of(supplier.version)).build();
    }

    @Override
    @PermitAll
    public Response listCategories() {
        return Response.ok(new CategoryList().items(catalog.categories().stream().map(CatalogMapper::toApi).toList()))
                .build();
    }

    @Override
    @RolesAllowed("admin")
    public Response createCategory(CategoryInput input) {
        Category category = catalog.createCategory(input.getName(), input.getParentId());
        return Response.created(URI.create("/api/v1/categories")).entity(CatalogMapper.toApi(category)).build();
    }

    @Override
    @PermitAll
    public Response listProducts(String q, UUID categoryId, UUID supplierId, UUID referentId, List<ProductLabel> label, Boolean inStock,
            Boolean includeInactive, Integer limit, String cursor) {
        List<Product.Label> labels = label == null ? List.of()
                : label.stream().map(l -> Product.Label.valueOf(l.name())).toList();
        boolean admin = Boolean.TRUE.equals(includeInactive) && caller.admin();
        Cursor.Slice<Product> page = products.search(admin,
                new ProductService.Query(q, categoryId, supplierId, referentId, labels, inStock, includeInactive), limit, cursor);
        return Response.ok(new ProductPage().items(page.items().stream().map(CatalogMapper::toApi).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response exportProducts() {
        return Response.ok(export.csv(), Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"catalogue.csv\"").build();
    }

    @Override
    @RolesAllowed("admin")
    public Response importPriceList(UUID supplierId, java.io.File body, String fileName) {
        byte[] file;
        try {
            file = java.nio.file.Files.readAllBytes(body.toPath());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        PriceListImport started = importer.start(caller, supplierId, fileName, file);
        return Response.accepted(CatalogMapper.toApi(started, List.of()))
                .location(URI.create("/api/v1/price-list-imports/" + started.id)).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response getPriceListImport(UUID importId) {
        PriceListImport run = importer.find(importId)
                .orElseThrow(() -> coop.panier.common.ProblemException.notFound("Aucun import ne porte cet identifiant."));
        return Response.ok(CatalogMapper.toApi(run, importer.rejections(importId))).build();
    }

    @Override
    @PermitAll
    public Response getProduct(UUID productId) {
        Product product = products.get(false, productId);
        return Response.ok(CatalogMapper.toApi(product)).tag(ETags.of(product.version)).build();
    }

    @Override
    @RolesAllowed({ "admin", IntegrationRole.ROLE })
    public Response createProduct(ProductInput input) {
        Product product = products.create(CatalogMapper.details(input));
        return Response.created(URI.create("/api/v1/products/" + product.id)).entity(CatalogMapper.toApi(product))
                .tag(ETags.of(product.version)).build();
    }

    @Override
    @RolesAllowed({ "admin", "referent", IntegrationRole.ROLE })
    public Response updateProduct(UUID productId, ProductInput input, String ifMatch) {
        Product product = products.update(caller, productId, ifMatch, CatalogMapper.details(input));
        return Response.ok(CatalogMapper.toApi(product)).tag(ETags.of(product.version)).build();
    }
}
