package coop.panier.integrations;

import java.time.Instant;
import java.util.UUID;

import coop.panier.common.Few;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** For the admins' dashboard: what the co-op failed to tell, by webhook or by mail. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeliveryFailures {

    public record FailingEndpoint(UUID id, String url, String description, boolean enabled, Instant failingSince) {
    }

    public record FailedMail(UUID id, String eventType, UUID memberId, String memberName, Instant occurredAt,
            int attempts, String lastError) {
    }

    /** Failing now, or disabled after failing for days; the longest failing first. */
    private static final String ENDPOINTS = """
            select w.id, w.url, w.description, w.enabled, w.failing_since, count(*) over ()
            from webhook_endpoint w
            where w.failing_since is not null or not w.enabled
            order by w.failing_since nulls last, w.created_at, w.id
            limit ?1
            """;

    /** Newest first; the partial index of failed mails finds them without reading the others. */
    private static final String MAILS = """
            select d.id, e.type, m.id, m.first_name || ' ' || m.last_name, e.occurred_at, d.attempts, d.last_error,
                   count(*) over ()
            from mail_delivery d
            join domain_event e on e.id = d.event_id
            join member m on m.id = d.recipient_member_id
            where d.status = 'FAILED' and e.occurred_at >= ?1
            order by d.seq desc
            limit ?2
            """;

    @Inject
    EntityManager em;

    public Few<FailingEndpoint> endpoints(int few) {
        return Few.ask(em, ENDPOINTS, r -> new FailingEndpoint((UUID) r[0], (String) r[1], (String) r[2],
                (Boolean) r[3], (Instant) r[4]), few);
    }

    /** The mails given up whose event happened since then. */
    public Few<FailedMail> mailsSince(Instant since, int few) {
        return Few.ask(em, MAILS, r -> new FailedMail((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3],
                (Instant) r[4], ((Number) r[5]).intValue(), (String) r[6]), since, few);
    }
}
