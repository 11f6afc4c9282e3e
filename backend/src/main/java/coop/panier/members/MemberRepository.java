package coop.panier.members;

import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    public Optional<Member> findBySubject(String subject) {
        return find("keycloakSubject", subject).firstResultOptional();
    }

    /** A member the co-op registered before the person had an account: not linked yet. */
    public Optional<Member> findUnlinkedByEmail(String email) {
        return find("lower(email) = lower(?1) and keycloakSubject is null", email).firstResultOptional();
    }

    public java.util.List<Member> inHousehold(UUID householdId) {
        return list("householdId = ?1 order by memberNumber", householdId);
    }

    public String nextMemberNumber() {
        Number next = (Number) getEntityManager()
                .createNativeQuery("select nextval('member_number_seq')")
                .getSingleResult();
        return String.format("A-%04d", next.longValue());
    }
}
