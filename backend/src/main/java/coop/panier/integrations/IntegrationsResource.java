package coop.panier.integrations;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import coop.panier.api.IntegrationsApi;
import coop.panier.api.model.CalendarFeed;
import coop.panier.api.model.Webhook;
import coop.panier.api.model.WebhookCreated;
import coop.panier.api.model.WebhookDelivery;
import coop.panier.api.model.WebhookDeliveryList;
import coop.panier.api.model.WebhookInput;
import coop.panier.api.model.WebhookList;
import coop.panier.common.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What other systems read of the co-op: admins' webhook endpoints and their delivery logs
 * ({@link Webhooks}), and members' private calendar feeds ({@link CalendarFeeds}).
 */
public class IntegrationsResource implements IntegrationsApi {

    @Inject
    Webhooks webhooks;

    @Inject
    CalendarFeeds feeds;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed("member")
    public Response getMyCalendarFeed() {
        return Response.ok(feed(feeds.tokenOf(caller))).build();
    }

    @Override
    @RolesAllowed("member")
    public Response rotateMyCalendarFeed() {
        return Response.ok(feed(feeds.rotate(caller))).build();
    }

    @Override
    @PermitAll
    public Response getCalendarFeed(String feedToken) {
        return Response.ok(feeds.calendar(feedToken), "text/calendar; charset=utf-8").build();
    }

    private CalendarFeed feed(String token) {
        return new CalendarFeed().url(uri.getBaseUriBuilder().path("api/v1/calendar-feeds").path(token).build().toString());
    }

    @Override
    @RolesAllowed("admin")
    public Response createWebhook(WebhookInput input) {
        WebhookEndpoint endpoint = webhooks.register(input.getUrl(),
                input.getEventTypes().stream().map(Object::toString).toList(), input.getDescription());
        return Response.created(URI.create("/api/v1/webhooks/" + endpoint.id))
                .entity(new WebhookCreated().webhook(toApi(endpoint)).secret(endpoint.secret)).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response listWebhooks() {
        return Response.ok(new WebhookList().items(webhooks.list().stream().map(IntegrationsResource::toApi).toList())).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response deleteWebhook(UUID webhookId) {
        webhooks.remove(webhookId);
        return Response.noContent().build();
    }

    @Override
    @RolesAllowed("admin")
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
