package coop.panier.catalog;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import coop.panier.common.Csv;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The catalogue as CSV, in the columns a supplier's price list is imported from. */
@ApplicationScoped
public class CatalogExport {

    static final String[] HEADER = { "Fournisseur", "Référence fournisseur", "Nom", "Description", "Catégorie", "Unité",
            "Pas de commande", "Prix TTC", "TVA", "Labels", "Origine", "Actif", "Drive", "Stock" };

    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] csv() {
        Map<UUID, String> suppliers = Supplier.<Supplier>listAll().stream().collect(Collectors.toMap(s -> s.id, s -> s.name));
        Map<UUID, String> categories = Category.<Category>listAll().stream().collect(Collectors.toMap(c -> c.id, c -> c.name));
        Csv csv = new Csv().row(HEADER);
        for (Product p : Product.<Product>list("order by name, id")) {
            csv.row(suppliers.get(p.supplierId), p.supplierReference, p.name, p.description, categories.get(p.categoryId),
                    p.unit.name(), Csv.decimal(p.orderStep), Csv.euros(p.priceCents), p.vatRate.replace('.', ','),
                    p.labels.stream().sorted().map(Enum::name).collect(Collectors.joining(",")), p.origin,
                    p.active ? "oui" : "non", p.availableOnDrive ? "oui" : "non", Csv.decimal(p.stockOnHand));
        }
        return csv.bytes();
    }
}
