package coop.panier.members;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import coop.panier.common.Caller;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    public Optional<Member> findBySubject(String subject) {
        return find("keycloakSubject", subject).firstResultOptional();
    }

    /** The caller's member id; null for a caller without a member (an integration, a first call). */
    public UUID idOf(Caller caller) {
        return findBySubject(caller.subject()).map(m -> m.id).orElse(null);
    }

    /** The caller's household id, if they have a member and it belongs to a household. */
    public UUID householdOf(Caller caller) {
        return findBySubject(caller.subject()).map(m -> m.householdId).orElse(null);
    }

    /** A member the co-op registered before the person had an account: not linked yet. */
    public Optional<Member> findUnlinkedByEmail(String email) {
        return find("lower(email) = lower(?1) and keycloakSubject is null", email).firstResultOptional();
    }

    public List<Member> inHousehold(UUID householdId) {
        return list("householdId = ?1 order by memberNumber", householdId);
    }

    /** The members of many households in one query, by household, each list by member number. */
    public Map<UUID, List<Member>> inHouseholds(Collection<UUID> householdIds) {
        if (householdIds.isEmpty()) {
            return Map.of();
        }
        return list("householdId in ?1 order by memberNumber", householdIds).stream()
                .collect(Collectors.groupingBy(m -> m.householdId, Collectors.toList()));
    }

    public boolean emailTakenByAnother(String email, UUID except) {
        return count("lower(email) = lower(?1) and id <> ?2", email, except) > 0;
    }

    /** By member number; `search` matches names, e-mail and number, accents and case ignored. */
    public List<Member> page(String search, MemberStatus status, String afterNumber, int limit) {
        String where = "1 = 1";
        Parameters params = new Parameters();
        if (search != null) {
            where += " and cast(function('search_text', concat(firstName, ' ', lastName, ' ', email, ' ', memberNumber))"
                    + " as String) like concat('%', cast(function('search_text', :search) as String), '%')";
            params = params.and("search", search);
        }
        if (status != null) {
            where += " and status = :status";
            params = params.and("status", status);
        }
        if (afterNumber != null) {
            where += " and memberNumber > :after";
            params = params.and("after", afterNumber);
        }
        return find(where + " order by memberNumber", params).page(0, limit).list();
    }

    public String nextMemberNumber() {
        Number next = (Number) getEntityManager()
                .createNativeQuery("select nextval('member_number_seq')")
                .getSingleResult();
        return String.format("A-%04d", next.longValue());
    }
}
