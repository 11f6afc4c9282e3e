package coop.panier.integrations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import coop.panier.common.Cursor;
import coop.panier.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** What admins see of the mails owed to members, and how they send a failed one again. */
@ApplicationScoped
public class MailLog {

    /** One mail owed, with whom it is for and what it tells. */
    public record Entry(UUID id, UUID eventId, String eventType, Instant occurredAt, UUID memberId,
            String memberNumber, String firstName, String lastName, String status, int attempts,
            Instant nextAttemptAt, Instant sentAt, String lastError, long seq) {
    }

    private static final String SELECT = """
            select d.id, d.event_id, e.type, e.occurred_at, m.id, m.member_number, m.first_name, m.last_name,
                   d.status, d.attempts, d.next_attempt_at, d.sent_at, d.last_error, d.seq
            from mail_delivery d
            join domain_event e on e.id = d.event_id
            join member m on m.id = d.recipient_member_id
            """;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor.Slice<Entry> page(String status, Integer limit, String cursor) {
        Long after = Cursor.read(cursor, 1, key -> Long.parseLong(key.get(0)));
        int size = Cursor.limit(limit);
        List<Object[]> rows = em.createNativeQuery(SELECT
                + " where (cast(?1 as text) is null or d.status = ?1) and (cast(?2 as bigint) is null or d.seq < ?2)"
                + " order by d.seq desc limit ?3", Object[].class)
                .setParameter(1, status).setParameter(2, after).setParameter(3, size + 1).getResultList();
        return Cursor.slice(rows.stream().map(MailLog::entry).toList(), size,
                e -> new String[] { Long.toString(e.seq()) });
    }

    /** A failed mail goes back in the queue with its tries counted afresh; a sent one is not sent twice. */
    @Transactional
    public Entry retry(UUID id) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("select status from mail_delivery where id = ?1 for update", String.class)
                .setParameter(1, id).getResultList();
        String status = found.stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Aucun courriel ne porte cet identifiant."));
        if ("SENT".equals(status)) {
            throw ProblemException.conflict("Ce courriel a déjà été envoyé : il ne sera pas envoyé deux fois.");
        }
        if ("FAILED".equals(status)) {
            em.createNativeQuery("update mail_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?2"
                    + " where id = ?1").setParameter(1, id).setParameter(2, clock.instant()).executeUpdate();
        }
        return entry((Object[]) em.createNativeQuery(SELECT + " where d.id = ?1", Object[].class).setParameter(1, id)
                .getSingleResult());
    }

    private static Entry entry(Object[] r) {
        return new Entry((UUID) r[0], (UUID) r[1], (String) r[2], (Instant) r[3], (UUID) r[4], (String) r[5],
                (String) r[6], (String) r[7], (String) r[8], ((Number) r[9]).intValue(), (Instant) r[10],
                (Instant) r[11], (String) r[12], ((Number) r[13]).longValue());
    }
}
