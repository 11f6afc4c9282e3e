package coop.panier.workshops;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import coop.panier.common.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Who comes to a workshop, and who waits, for the admins: in order of arrival, members by name and
 * number, guests by the name and address they gave (until these are erased).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Attendees {

    @Inject
    EntityManager em;

    public record Attendee(UUID id, String status, Integer waitingPosition, Instant registeredAt, boolean guest,
            String name, UUID memberId, String memberNumber, String email, boolean erased) {
    }

    public Cursor.Slice<Attendee> page(UUID workshopId, Integer limit, String cursor) {
        if (em.find(Workshop.class, workshopId) == null) {
            throw WorkshopService.notFound();
        }
        Long after = Cursor.read(cursor, 1, key -> Long.valueOf(key.get(0)));
        int size = Cursor.limit(limit);
        List<Object[]> rows = em.createNativeQuery("""
                select r.id, r.status,
                       case when r.status = 'WAITING' then (select count(*) from workshop_registration o
                            where o.workshop_id = r.workshop_id and o.status = 'WAITING'
                              and (o.registered_at, o.seq) <= (r.registered_at, r.seq)) end,
                       r.registered_at, r.member_id is null,
                       coalesce(m.first_name || ' ' || m.last_name, r.guest_name, ''),
                       r.member_id, m.member_number, r.guest_email, r.erased_at is not null, r.seq
                from workshop_registration r left join member m on m.id = r.member_id
                where r.workshop_id = ?1 and r.status <> 'WITHDRAWN' and r.seq > ?2
                order by r.seq limit ?3""", Object[].class)
                .setParameter(1, workshopId).setParameter(2, after == null ? 0L : after).setParameter(3, size + 1)
                .getResultList();
        Cursor.Slice<Object[]> slice = Cursor.slice(rows, size, r -> new String[] { r[10].toString() });
        return new Cursor.Slice<>(slice.items().stream().map(r -> new Attendee((UUID) r[0], (String) r[1],
                r[2] == null ? null : ((Number) r[2]).intValue(), (Instant) r[3], (Boolean) r[4], (String) r[5],
                (UUID) r[6], (String) r[7], (String) r[8], (Boolean) r[9])).toList(), slice.nextCursor());
    }
}
