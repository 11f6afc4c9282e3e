package coop.panier.memberships;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MembershipRepository implements PanacheRepositoryBase<Membership, UUID> {

    public Optional<Membership> latestOf(UUID householdId) {
        return find("householdId = ?1 order by periodEnd desc", householdId).firstResultOptional();
    }

    public boolean anyUses(UUID scaleId) {
        return count("scaleId", scaleId) > 0;
    }

    /** Which of these scales memberships use, in one query. */
    public Set<UUID> usedAmong(Collection<UUID> scaleIds) {
        if (scaleIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager().createQuery(
                "select distinct m.scaleId from Membership m where m.scaleId in :ids", UUID.class)
                .setParameter("ids", scaleIds).getResultList());
    }

    /** Latest period first; keyset after (afterStart, afterId); `householdId` null for all. */
    public List<Membership> page(UUID householdId, LocalDate afterStart, UUID afterId, int limit) {
        String where = "1 = 1";
        Parameters params = new Parameters();
        if (householdId != null) {
            where += " and householdId = :household";
            params = params.and("household", householdId);
        }
        if (afterStart != null) {
            where += " and (periodStart < :start or (periodStart = :start and id < :id))";
            params = params.and("start", afterStart).and("id", afterId);
        }
        return find(where + " order by periodStart desc, id desc", params).page(0, limit).list();
    }
}
