package coop.panier.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import coop.panier.api.model.FieldError;
import coop.panier.common.Caller;
import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import coop.panier.common.ProblemException;
import coop.panier.members.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The catalogue's products. Anyone may search it; admins change everything; the référent of a
 * product changes what a buyer decides (price, availability, alert threshold), nothing else.
 */
@ApplicationScoped
@Transactional
public class ProductService {

    private static final String ADMIN_ONLY = "réservé aux administrateurs";

    @Inject
    ProductRepository products;

    @Inject
    MemberRepository members;

    /** Everything a product is made of, except its stock, which only stock movements change. */
    public record Details(String name, String description, UUID categoryId, UUID supplierId, String supplierReference,
            Product.Unit unit, BigDecimal orderStep, long priceCents, String vatRate, Set<Product.Label> labels,
            String origin, boolean active, boolean availableOnDrive, UUID referentId, BigDecimal lowStockThreshold) {
    }

    public record Query(String text, UUID categoryId, UUID supplierId, UUID referentId, List<Product.Label> labels, Boolean inStock,
            Boolean includeInactive) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<Product> search(boolean admin, Query query, Integer limit, String cursor) {
        record After(String name, UUID id) {
        }
        After after = Cursor.read(cursor, 2, key -> new After(key.get(0), UUID.fromString(key.get(1))));
        List<String> words = query.text() == null ? List.of()
                : Arrays.stream(query.text().replace("%", " ").replace("_", " ").split("\\s+"))
                        .filter(w -> !w.isBlank()).toList();
        ProductRepository.Search search = new ProductRepository.Search(words, query.categoryId(), query.supplierId(), query.referentId(),
                query.labels() == null || query.labels().isEmpty() ? EnumSet.noneOf(Product.Label.class)
                        : EnumSet.copyOf(query.labels()),
                Boolean.TRUE.equals(query.inStock()), admin && Boolean.TRUE.equals(query.includeInactive()));
        int size = Cursor.limit(limit);
        return Cursor.slice(products.search(search, after == null ? null : after.name(),
                after == null ? null : after.id(), size + 1), size, p -> new String[] { p.name, p.id.toString() });
    }

    /** Inactive products are shown to admins only; to others they do not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Product get(boolean admin, UUID id) {
        return products.findByIdOptional(id).filter(p -> p.active || admin)
                .orElseThrow(ProductService::notFound);
    }

    public Product create(Details details) {
        Product product = new Product();
        product.id = UUID.randomUUID();
        product.stockOnHand = BigDecimal.ZERO;
        apply(product, details);
        products.persistAndFlush(product);
        return product;
    }

    public Product update(Caller caller, UUID id, String ifMatch, Details details) {
        Product product = manageable(caller, id);
        ETags.requireCurrent(ifMatch, product.version);
        if (!caller.seesAll()) {
            List<FieldError> errors = referentMayNotChange(product, details);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        }
        apply(product, details);
        products.flush();
        return product;
    }

    /** The product, if the caller is an admin, its référent or an integration let in by its scope; anyone else gets a 403. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Product manageable(Caller caller, UUID id) {
        Product product = products.findByIdOptional(id).orElseThrow(ProductService::notFound);
        if (!caller.seesAll() && (product.referentId == null || !product.referentId.equals(members.idOf(caller)))) {
            throw ProblemException.forbidden("Seul le référent de ce produit ou un administrateur peut le gérer.");
        }
        return product;
    }

    private void apply(Product product, Details d) {
        List<FieldError> errors = new ArrayList<>();
        if (Category.findById(d.categoryId()) == null) {
            errors.add(error("categoryId", "catégorie inconnue"));
        }
        if (Supplier.findById(d.supplierId()) == null) {
            errors.add(error("supplierId", "fournisseur inconnu"));
        }
        if (d.referentId() != null && members.findByIdOptional(d.referentId()).isEmpty()) {
            errors.add(error("referentId", "adhérent inconnu"));
        }
        if (d.orderStep().scale() > 3 && d.orderStep().stripTrailingZeros().scale() > 3) {
            errors.add(error("orderStep", "trois décimales au plus"));
        }
        String reference = CatalogService.blankToNull(d.supplierReference());
        if (reference != null && products.count("supplierId = ?1 and supplierReference = ?2 and id <> ?3",
                d.supplierId(), reference, product.id) > 0) {
            errors.add(error("supplierReference", "ce fournisseur a déjà un produit sous cette référence"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        product.name = d.name().strip();
        product.description = CatalogService.blankToNull(d.description());
        product.categoryId = d.categoryId();
        product.supplierId = d.supplierId();
        product.supplierReference = reference;
        product.unit = d.unit();
        product.orderStep = d.orderStep();
        product.priceCents = d.priceCents();
        product.vatRate = d.vatRate();
        product.labels.clear();
        product.labels.addAll(d.labels());
        product.origin = CatalogService.blankToNull(d.origin());
        product.active = d.active();
        product.availableOnDrive = d.availableOnDrive();
        product.referentId = d.referentId();
        product.lowStockThreshold = d.lowStockThreshold();
    }

    private static List<FieldError> referentMayNotChange(Product p, Details d) {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "name", p.name, d.name() == null ? null : d.name().strip());
        check(errors, "description", p.description, CatalogService.blankToNull(d.description()));
        check(errors, "categoryId", p.categoryId, d.categoryId());
        check(errors, "supplierId", p.supplierId, d.supplierId());
        check(errors, "supplierReference", p.supplierReference, CatalogService.blankToNull(d.supplierReference()));
        check(errors, "unit", p.unit, d.unit());
        if (p.orderStep.compareTo(d.orderStep()) != 0) {
            errors.add(error("orderStep", ADMIN_ONLY));
        }
        check(errors, "vatRate", p.vatRate, d.vatRate());
        check(errors, "labels", p.labels, EnumSet.copyOf(d.labels().isEmpty() ? EnumSet.noneOf(Product.Label.class) : d.labels()));
        check(errors, "origin", p.origin, CatalogService.blankToNull(d.origin()));
        check(errors, "active", p.active, d.active());
        check(errors, "referentId", p.referentId, d.referentId());
        return errors;
    }

    private static void check(List<FieldError> errors, String field, Object current, Object sent) {
        if (!Objects.equals(current, sent)) {
            errors.add(error(field, ADMIN_ONLY));
        }
    }

    private static FieldError error(String field, String message) {
        return new FieldError().field(field).message(message);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Aucun produit ne porte cet identifiant.");
    }
}
