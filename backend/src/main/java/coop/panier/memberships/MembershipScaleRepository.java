package coop.panier.memberships;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MembershipScaleRepository implements PanacheRepositoryBase<MembershipScale, UUID> {

    public Optional<MembershipScale> inForceOn(LocalDate day) {
        return find("validFrom <= ?1 and validTo >= ?1", day).firstResultOptional();
    }

    public boolean overlapsAnother(LocalDate from, LocalDate to, UUID except) {
        return count("validFrom <= :to and validTo >= :from and id <> :except",
                Parameters.with("from", from).and("to", to).and("except", except)) > 0;
    }

    /** Latest period first; keyset on (validFrom, id) after the given position. */
    public List<MembershipScale> page(LocalDate afterFrom, UUID afterId, int limit) {
        if (afterFrom == null) {
            return find("order by validFrom desc, id desc").page(0, limit).list();
        }
        return find("validFrom < ?1 or (validFrom = ?1 and id < ?2) order by validFrom desc, id desc",
                afterFrom, afterId).page(0, limit).list();
    }
}
