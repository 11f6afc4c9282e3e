package coop.panier.catalog;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, UUID> {

    /** What a catalogue search asks for; null fields do not filter. */
    public record Search(List<String> words, UUID categoryId, UUID supplierId, UUID referentId, Set<Product.Label> labels,
            boolean inStockOnly, boolean includeInactive) {
    }

    private static final String SEARCHABLE = "cast(function('search_text', concat(p.name, ' ',"
            + " coalesce(p.description, ''), ' ', coalesce(p.origin, ''))) as String)";

    /** By name then id, after (afterName, afterId): pages neither repeat nor skip a product. */
    public List<Product> search(Search search, String afterName, UUID afterId, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        for (int i = 0; i < search.words().size(); i++) {
            where.append(" and ").append(SEARCHABLE)
                    .append(" like concat('%', cast(function('search_text', :w").append(i).append(") as String), '%')");
            params = params.and("w" + i, search.words().get(i));
        }
        if (search.categoryId() != null) {
            where.append(" and (p.categoryId = :category or p.categoryId in"
                    + " (select c.id from Category c where c.parentId = :category))");
            params = params.and("category", search.categoryId());
        }
        if (search.supplierId() != null) {
            where.append(" and p.supplierId = :supplier");
            params = params.and("supplier", search.supplierId());
        }
        if (search.referentId() != null) {
            where.append(" and p.referentId = :referent");
            params = params.and("referent", search.referentId());
        }
        int i = 0;
        for (Product.Label label : search.labels()) {
            where.append(" and :label").append(i).append(" member of p.labels");
            params = params.and("label" + i++, label);
        }
        if (search.inStockOnly()) {
            where.append(" and p.stockOnHand > p.stockReserved");
        }
        if (!search.includeInactive()) {
            where.append(" and p.active = true");
        }
        if (afterName != null) {
            where.append(" and (p.name > :afterName or (p.name = :afterName and p.id > :afterId))");
            params = params.and("afterName", afterName).and("afterId", afterId);
        }
        return find("from Product p where " + where + " order by p.name, p.id", params).page(0, limit).list();
    }
}
