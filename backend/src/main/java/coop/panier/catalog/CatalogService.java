package coop.panier.catalog;

import java.util.List;
import java.util.UUID;

import coop.panier.common.Cursor;
import coop.panier.common.ETags;
import coop.panier.common.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Suppliers and categories: the frame products hang in. */
@ApplicationScoped
@Transactional
public class CatalogService {

    public record SupplierDetails(String name, Supplier.Kind kind, String locality, Integer distanceKm,
            String contact, String notes) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<Supplier> suppliers(Integer limit, String cursor) {
        record After(String name, UUID id) {
        }
        After after = Cursor.read(cursor, 2, key -> new After(key.get(0), UUID.fromString(key.get(1))));
        int size = Cursor.limit(limit);
        List<Supplier> found = after == null
                ? Supplier.find("order by name, id").page(0, size + 1).list()
                : Supplier.find("name > ?1 or (name = ?1 and id > ?2) order by name, id", after.name(), after.id())
                        .page(0, size + 1).list();
        return Cursor.slice(found, size, s -> new String[] { s.name, s.id.toString() });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Supplier supplier(UUID id) {
        return Supplier.<Supplier>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Aucun fournisseur ne porte cet identifiant."));
    }

    public Supplier createSupplier(SupplierDetails details) {
        Supplier supplier = new Supplier();
        supplier.id = UUID.randomUUID();
        apply(supplier, details);
        supplier.persistAndFlush();
        return supplier;
    }

    public Supplier updateSupplier(UUID id, String ifMatch, SupplierDetails details) {
        Supplier supplier = supplier(id);
        ETags.requireCurrent(ifMatch, supplier.version);
        apply(supplier, details);
        Supplier.flush();
        return supplier;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Category> categories() {
        return Category.listAll(Sort.by("name").and("id"));
    }

    public Category createCategory(String name, UUID parentId) {
        if (parentId != null) {
            Category parent = Category.<Category>findByIdOptional(parentId)
                    .orElseThrow(() -> ProblemException.invalidField("parentId", "catégorie inconnue"));
            if (parent.parentId != null) {
                throw ProblemException.invalidField("parentId",
                        "les catégories ont deux niveaux : « " + parent.name + " » est déjà une sous-catégorie");
            }
        }
        // Compared as the database's unique index compares them: accents and case ignored.
        boolean taken = Category.count("coalesce(parentId, ?1) = ?2 and cast(function('search_text', name) as String)"
                + " = cast(function('search_text', ?3) as String)",
                new UUID(0, 0), parentId == null ? new UUID(0, 0) : parentId, name.strip()) > 0;
        if (taken) {
            throw ProblemException.conflict("La catégorie « " + name.strip() + " » existe déjà à cet endroit.");
        }
        Category category = new Category();
        category.id = UUID.randomUUID();
        category.name = name.strip();
        category.parentId = parentId;
        category.persistAndFlush();
        return category;
    }

    private static void apply(Supplier supplier, SupplierDetails d) {
        supplier.name = d.name().strip();
        supplier.kind = d.kind();
        supplier.locality = blankToNull(d.locality());
        supplier.distanceKm = d.distanceKm();
        supplier.contact = blankToNull(d.contact());
        supplier.notes = blankToNull(d.notes());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
