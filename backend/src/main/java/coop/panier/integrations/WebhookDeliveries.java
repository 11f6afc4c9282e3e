package coop.panier.integrations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Delivers the outbox to webhook endpoints, apart from any request: each delivery is claimed by
 * one instance (FOR UPDATE SKIP LOCKED), only once the earlier ones of its subject to that
 * endpoint are done (order per subject), and retried with back-off when the receiver fails.
 * An endpoint failing for 3 days is disabled.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(6);
    static final Duration GIVE_UP_AFTER = Duration.ofDays(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    Webhooks webhooks;

    @Inject
    Outbox outbox;

    @Scheduled(every = "${panier.webhooks.delivery-check:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        Claims.drain(this::deliverOne);
    }

    /** Woken by {@link Nudges} after a commit that wrote events. */
    @ActivateRequestContext
    void drainNow() {
        Claims.drainAll(this::deliverOne);
    }

    /** Delivers the next due delivery, if there is one; true if it handled one. Its row stays locked while its receiver answers. */
    public boolean deliverOne() {
        return Claims.one(em, """
                select d.id, d.attempts, w.id, w.url, w.secret, w.failing_since, e.id, e.type, e.version,
                       e.occurred_at, e.subject_type, e.subject_id, e.payload::text
                from webhook_delivery d
                join webhook_endpoint w on w.id = d.endpoint_id and w.enabled
                join domain_event e on e.id = d.event_id
                where d.status = 'PENDING' and d.next_attempt_at <= ?1
                  and not exists (select 1 from webhook_delivery p where p.endpoint_id = d.endpoint_id
                                  and p.subject_id = d.subject_id and p.status = 'PENDING' and p.seq < d.seq)
                order by d.seq limit 1
                for update of d skip locked""", clock.instant(),
                row -> attempt((UUID) row[0], ((Number) row[1]).intValue(), (UUID) row[2], (String) row[3],
                        (String) row[4], (Instant) row[5], envelope(row)));
    }

    private String envelope(Object[] row) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", row[6]);
        event.put("type", row[7]);
        event.put("version", row[8]);
        event.put("time", row[9].toString());
        event.put("subject", Map.of("type", row[10], "id", row[11]));
        try {
            event.put("data", json.readTree((String) row[12]));
            return json.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An event's payload is JSON (a CHECK says so)", e);
        }
    }

    private void attempt(UUID delivery, int attempts, UUID endpoint, String url, String secret, Instant failingSince,
            String body) {
        Instant now = clock.instant();
        String eventId = readId(body);
        Integer status = null;
        String excerpt;
        long started = System.nanoTime();
        String unsafe = webhooks.unsafe(url);
        if (unsafe != null) {
            excerpt = unsafe;
        } else {
            try {
                long timestamp = now.getEpochSecond();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .header("content-type", "application/json")
                        .header("webhook-id", eventId)
                        .header("webhook-timestamp", Long.toString(timestamp))
                        .header("webhook-signature", WebhookSignature.sign(secret, eventId, timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                status = answer.statusCode();
                excerpt = answer.body();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                excerpt = "injoignable : " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage());
            }
        }
        int duration = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
        boolean delivered = status != null && status >= 200 && status < 300;
        String kept = excerpt == null ? null : excerpt.substring(0, Math.min(excerpt.length(), 500));
        em.createNativeQuery("""
                update webhook_delivery set attempts = attempts + 1, last_status = ?2, last_duration_ms = ?3,
                    last_excerpt = ?4, status = ?5, delivered_at = ?6, next_attempt_at = ?7 where id = ?1""")
                .setParameter(1, delivery).setParameter(2, status).setParameter(3, duration).setParameter(4, kept)
                .setParameter(5, delivered ? "DELIVERED" : "PENDING").setParameter(6, delivered ? now : null)
                .setParameter(7, delivered ? now : now.plus(backoff(attempts + 1))).executeUpdate();
        if (delivered) {
            em.createNativeQuery("update webhook_endpoint set failing_since = null where id = ?1").setParameter(1, endpoint)
                    .executeUpdate();
        } else if (failingSince == null) {
            em.createNativeQuery("update webhook_endpoint set failing_since = ?2 where id = ?1").setParameter(1, endpoint)
                    .setParameter(2, now).executeUpdate();
        } else if (failingSince.plus(GIVE_UP_AFTER).isBefore(now)) {
            LOG.warnf("Webhook endpoint %s has failed since %s: disabled", endpoint, failingSince);
            em.createNativeQuery("update webhook_endpoint set enabled = false where id = ?1").setParameter(1, endpoint)
                    .executeUpdate();
            // Told to the admins (mail) and to the other endpoints, in the same transaction.
            WebhookEndpoint disabled = WebhookEndpoint.findById(endpoint);
            outbox.record(EventType.WEBHOOK_DISABLED, endpoint, Webhooks.payload(disabled));
        }
    }

    private String readId(String body) {
        try {
            return json.readTree(body).path("id").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 30 s, 1 min, 2 min… doubling up to 6 hours: about ten tries in the first day. */
    static Duration backoff(int failures) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
