package coop.panier.drive;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** For the admins' dashboard: the slots about to be served and where their baskets stand. */
@ApplicationScoped
public class PickupsAhead {

    public record Slot(UUID id, String place, Instant startsAt, Instant endsAt, int capacity, int toPrepare,
            int prepared, int pickedUp) {
    }

    /** One query whatever the number of slots: their orders are counted by status beside them. */
    private static final String SLOTS = """
            select s.id, s.place, s.starts_at, s.ends_at, s.capacity,
                   count(o.id) filter (where o.status = 'PLACED'),
                   count(o.id) filter (where o.status = 'PREPARED'),
                   count(o.id) filter (where o.status = 'PICKED_UP')
            from pickup_slot s
            left join customer_order o on o.slot_id = s.id
            where s.starts_at >= ?1 and s.starts_at < ?2 and s.status <> 'CANCELLED'
            group by s.id
            order by s.starts_at, s.id
            """;

    @Inject
    EntityManager em;

    /** The slots starting in [from, until), not cancelled, in order of start. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Slot> between(Instant from, Instant until) {
        List<Object[]> rows = em.createNativeQuery(SLOTS, Object[].class).setParameter(1, from)
                .setParameter(2, until).getResultList();
        return rows.stream().map(r -> new Slot((UUID) r[0], (String) r[1], (Instant) r[2], (Instant) r[3],
                ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                ((Number) r[7]).intValue())).toList();
    }
}
