package coop.panier.memberships;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class LedgerRepository implements PanacheRepositoryBase<LedgerEntry, UUID> {

    public long balanceOfHousehold(UUID householdId) {
        return sum("householdId", householdId);
    }

    /** What this membership's entries add up to: due minus what was paid, waived or corrected. */
    public long balanceOfMembership(UUID membershipId) {
        return sum("membershipId", membershipId);
    }

    /** The balances of many memberships in one query; a membership without entries is absent. */
    public Map<UUID, Long> balancesOfMemberships(Collection<UUID> membershipIds) {
        Map<UUID, Long> balances = new HashMap<>();
        getEntityManager().createQuery("select e.membershipId, coalesce(sum(e.amountCents), 0) from LedgerEntry e"
                + " where e.membershipId in :ids group by e.membershipId", Object[].class)
                .setParameter("ids", membershipIds).getResultList()
                .forEach(row -> balances.put((UUID) row[0], ((Number) row[1]).longValue()));
        return balances;
    }

    public Optional<LedgerEntry> byIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    /** In the order they were recorded; keyset after the entry numbered afterSeq. */
    public List<LedgerEntry> page(UUID householdId, long afterSeq, int limit) {
        return find("householdId = ?1 and seq > ?2 order by seq", householdId, afterSeq).page(0, limit).list();
    }

    private long sum(String field, UUID id) {
        Long sum = getEntityManager()
                .createQuery("select coalesce(sum(e.amountCents), 0) from LedgerEntry e where e." + field + " = :id",
                        Long.class)
                .setParameter("id", id).getSingleResult();
        return sum;
    }
}
