package coop.panier.members;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<Household, UUID> {

    /** The names of many households in one query. */
    public Map<UUID, String> namesOf(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        getEntityManager().createQuery("select h.id, h.name from Household h where h.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> names.put((UUID) row[0], (String) row[1]));
        return names;
    }

    /** By name, then id; keyset after (afterName, afterId); `search` ignores accents and case. */
    public List<Household> page(String search, String afterName, UUID afterId, int limit) {
        String where = "1 = 1";
        Parameters params = new Parameters();
        if (search != null) {
            where += " and cast(function('search_text', name) as String)"
                    + " like concat('%', cast(function('search_text', :search) as String), '%')";
            params = params.and("search", search);
        }
        if (afterName != null) {
            where += " and (name > :afterName or (name = :afterName and id > :afterId))";
            params = params.and("afterName", afterName).and("afterId", afterId);
        }
        return find(where + " order by name, id", params).page(0, limit).list();
    }
}
