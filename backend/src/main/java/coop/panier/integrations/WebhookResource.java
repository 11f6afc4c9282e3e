package coop.panier.integrations;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import coop.panier.api.IntegrationsApi;
import coop.panier.api.model.Webhook;
import coop.panier.api.model.WebhookCreated;
import coop.panier.api.model.WebhookDelivery;
import coop.panier.api.model.WebhookDeliveryList;
import coop.panier.api.model.WebhookInput;
import coop.panier.api.model.WebhookList;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** Admins' webhook endpoints and their delivery logs; the work is in {@link Webhooks}. */
@RolesAllowed("admin")
public class WebhookResource implements IntegrationsApi {

    @Inject
    Webhooks webhooks;

    @Override
    public Response createWebhook(WebhookInput input) {
        WebhookEndpoint endpoint = webhooks.register(input.getUrl(),
                input.getEventTypes().stream().map(Object::toString).toList(), input.getDescription());
        return Response.created(URI.create("/api/v1/webhooks/" + endpoint.id))
                .entity(new WebhookCreated().webhook(toApi(endpoint)).secret(endpoint.secret)).build();
    }

    @Override
    public Response listWebhooks() {
        return Response.ok(new WebhookList().items(webhooks.list().stream().map(WebhookResource::toApi).toList())).build();
    }

    @Override
    public Response deleteWebhook(UUID webhookId) {
        webhooks.remove(webhookId);
        return Response.noContent().build();
    }

    @Override
    public Response listWebhookDeliveries(UUID webhookId) {
        return Response.ok(new WebhookDeliveryList().items(webhooks.deliveries(webhookId).stream()
                .map(d -> new WebhookDelivery().id(d.id()).eventId(d.eventId())
                        .eventType(coop.panier.api.model.EventType.fromValue(d.eventType()))
                        .status(WebhookDelivery.StatusEnum.fromValue(d.status())).attempts(d.attempts())
                        .nextAttemptAt(time(d.nextAttemptAt())).lastStatus(d.lastStatus()).lastDurationMs(d.lastDurationMs())
                        .lastExcerpt(d.lastExcerpt()).deliveredAt(time(d.deliveredAt())))
                .toList())).build();
    }

    private static Webhook toApi(WebhookEndpoint endpoint) {
        return new Webhook().id(endpoint.id).url(endpoint.url)
                .eventTypes(Arrays.stream(endpoint.eventTypes).map(coop.panier.api.model.EventType::fromValue).toList())
                .description(endpoint.description).enabled(endpoint.enabled).createdAt(time(endpoint.createdAt))
                .failingSince(time(endpoint.failingSince));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
