package coop.panier.integrations;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.panier.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Admins register the endpoints that receive events; each gets its own signing secret. */
@ApplicationScoped
@Transactional
public class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One delivery in the log, with what its event was. */
    public record Delivery(UUID id, UUID eventId, String eventType, String status, int attempts,
            java.time.Instant nextAttemptAt, Integer lastStatus, Integer lastDurationMs, String lastExcerpt,
            java.time.Instant deliveredAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    /** Off in production: an endpoint inside the co-op's own network is a way in (SSRF). */
    @ConfigProperty(name = "panier.webhooks.allow-private-addresses", defaultValue = "false")
    boolean allowPrivate;

    public WebhookEndpoint register(String url, List<String> eventTypes, String description) {
        refuseUnsafe(url);
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.url = url;
        endpoint.eventTypes = eventTypes.stream().distinct().toArray(String[]::new);
        endpoint.description = description == null ? null : description.strip();
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        endpoint.secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        endpoint.createdAt = clock.instant();
        endpoint.persist();
        return endpoint;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookEndpoint> list() {
        return WebhookEndpoint.list("order by createdAt desc");
    }

    public void remove(UUID id) {
        if (!WebhookEndpoint.deleteById(id)) {
            throw notFound();
        }
    }

    /** Enabled again, an endpoint's failure clock starts afresh; its pending deliveries go out. */
    public WebhookEndpoint update(UUID id, boolean enabled) {
        WebhookEndpoint endpoint = find(id);
        if (enabled && !endpoint.enabled) {
            endpoint.failingSince = null;
            // What waited while it was disabled goes out now, in order per subject.
            em.createNativeQuery("update webhook_delivery set next_attempt_at = ?2 where endpoint_id = ?1 and status = 'PENDING'")
                    .setParameter(1, id).setParameter(2, clock.instant()).executeUpdate();
        }
        endpoint.enabled = enabled;
        return endpoint;
    }

    /** A `webhook.test` event for this endpoint only, due now. */
    public Delivery sendTest(UUID id) {
        WebhookEndpoint endpoint = find(id);
        if (!endpoint.enabled) {
            throw ProblemException.conflict("Ce webhook est désactivé : réactivez-le avant de lui envoyer un événement de test.");
        }
        UUID event = outbox.record(EventType.WEBHOOK_TEST, endpoint.id, payload(endpoint));
        UUID delivery = UUID.randomUUID();
        em.createNativeQuery("insert into webhook_delivery (id, endpoint_id, event_id, subject_id, next_attempt_at)"
                + " values (?1, ?2, ?3, ?2, ?4)").setParameter(1, delivery).setParameter(2, endpoint.id)
                .setParameter(3, event).setParameter(4, clock.instant()).executeUpdate();
        return delivery(endpoint.id, delivery);
    }

    /**
     * Due again now, with the same event (and so the same webhook-id). It keeps its sequence, so
     * it goes before the later deliveries of its subject still pending: order per subject holds.
     */
    public Delivery replay(UUID endpointId, UUID deliveryId) {
        find(endpointId);
        int changed = em.createNativeQuery("update webhook_delivery set status = 'PENDING', delivered_at = null,"
                + " next_attempt_at = ?3 where id = ?2 and endpoint_id = ?1").setParameter(1, endpointId)
                .setParameter(2, deliveryId).setParameter(3, clock.instant()).executeUpdate();
        if (changed == 0) {
            throw ProblemException.notFound("Aucun envoi de ce webhook ne porte cet identifiant.");
        }
        return delivery(endpointId, deliveryId);
    }

    /** What events about an endpoint say of it. */
    static Map<String, Object> payload(WebhookEndpoint endpoint) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("webhookId", endpoint.id);
        payload.put("url", endpoint.url);
        if (endpoint.description != null) {
            payload.put("description", endpoint.description);
        }
        if (endpoint.failingSince != null) {
            payload.put("failingSince", endpoint.failingSince.toString());
        }
        return payload;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Delivery> deliveries(UUID endpointId) {
        find(endpointId);
        return deliveriesWhere("d.endpoint_id = ?1 order by d.seq desc limit 100", endpointId, null);
    }

    private Delivery delivery(UUID endpointId, UUID deliveryId) {
        return deliveriesWhere("d.endpoint_id = ?1 and d.id = ?2", endpointId, deliveryId).get(0);
    }

    private List<Delivery> deliveriesWhere(String where, UUID endpointId, UUID deliveryId) {
        var query = em.createNativeQuery("""
                select d.id, d.event_id, e.type, d.status, d.attempts, d.next_attempt_at, d.last_status,
                       d.last_duration_ms, d.last_excerpt, d.delivered_at
                from webhook_delivery d join domain_event e on e.id = d.event_id
                where\s""" + where, Object[].class).setParameter(1, endpointId);
        if (deliveryId != null) {
            query.setParameter(2, deliveryId);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Delivery((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).intValue(), (java.time.Instant) r[5], r[6] == null ? null : ((Number) r[6]).intValue(),
                r[7] == null ? null : ((Number) r[7]).intValue(), (String) r[8], (java.time.Instant) r[9])).toList();
    }

    private static WebhookEndpoint find(UUID id) {
        WebhookEndpoint endpoint = WebhookEndpoint.findById(id);
        if (endpoint == null) {
            throw notFound();
        }
        return endpoint;
    }

    /** Refused: a URL Panier must not call, checked again before every delivery (DNS can change). */
    void refuseUnsafe(String url) {
        String problem = unsafe(url);
        if (problem != null) {
            throw ProblemException.invalidField("url", problem);
        }
    }

    /** Why the URL may not be called, or null. */
    String unsafe(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "adresse invalide";
        }
        if (uri.getHost() == null) {
            return "adresse invalide";
        }
        if (!"https".equals(uri.getScheme()) && !allowPrivate) {
            return "une adresse https est nécessaire";
        }
        if (allowPrivate) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()
                        || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc)) {
                    return "cette adresse mène au réseau local de la coopérative : refusée";
                }
            }
        } catch (UnknownHostException e) {
            return "nom d'hôte inconnu";
        }
        return null;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Aucun webhook ne porte cet identifiant.");
    }
}
