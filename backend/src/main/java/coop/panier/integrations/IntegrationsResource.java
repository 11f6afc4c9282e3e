package coop.panier.integrations;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import coop.panier.api.IntegrationsApi;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.panier.api.model.CalendarFeed;
import coop.panier.api.model.IntegrationClient;
import coop.panier.api.model.IntegrationClientChange;
import coop.panier.api.model.IntegrationClientCreated;
import coop.panier.api.model.IntegrationClientInput;
import coop.panier.api.model.IntegrationClientList;
import coop.panier.api.model.IntegrationScope;
import coop.panier.api.model.Webhook;
import coop.panier.api.model.WebhookChange;
import coop.panier.api.model.WebhookCreated;
import coop.panier.api.model.WebhookDelivery;
import coop.panier.api.model.WebhookDeliveryList;
import coop.panier.api.model.WebhookInput;
import coop.panier.api.model.WebhookList;
import coop.panier.common.Caller;
import coop.panier.common.IntegrationRole;
import coop.panier.common.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What other systems read of the co-op: admins' webhook endpoints and their delivery logs
 * ({@link Webhooks}), the integration clients that call the API ({@link Integrations}), and
 * members' private calendar feeds ({@link CalendarFeeds}).
 */
public class IntegrationsResource implements IntegrationsApi {

    @Inject
    Webhooks webhooks;

    @Inject
    CalendarFeeds feeds;

    @Inject
    Integrations integrations;

    @Inject
    RequestBudgets budgets;

    @Inject
    Caller caller;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    /** The realm's address as clients see it, when the backend reaches Keycloak by another. */
    @ConfigProperty(name = "quarkus.oidc.token.issuer")
    java.util.Optional<String> issuer;

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
    @RolesAllowed({ "admin", IntegrationRole.ROLE })
    public Response createWebhook(WebhookInput input) {
        adminOrIntegration();
        WebhookEndpoint endpoint = webhooks.register(input.getUrl(),
                input.getEventTypes().stream().map(Object::toString).toList(), input.getDescription());
        return Response.created(URI.create("/api/v1/webhooks/" + endpoint.id))
                .entity(new WebhookCreated().webhook(toApi(endpoint)).secret(endpoint.secret)).build();
    }

    @Override
    @RolesAllowed({ "admin", IntegrationRole.ROLE })
    public Response listWebhooks() {
        adminOrIntegration();
        return Response.ok(new WebhookList().items(webhooks.list().stream().map(IntegrationsResource::toApi).toList())).build();
    }

    @Override
    @RolesAllowed({ "admin", IntegrationRole.ROLE })
    public Response deleteWebhook(UUID webhookId) {
        adminOrIntegration();
        webhooks.remove(webhookId);
        return Response.noContent().build();
    }

    @Override
    @RolesAllowed({ "admin", IntegrationRole.ROLE })
    public Response listWebhookDeliveries(UUID webhookId) {
        adminOrIntegration();
        return Response.ok(new WebhookDeliveryList().items(webhooks.deliveries(webhookId).stream()
                .map(IntegrationsResource::toApi).toList())).build();
    }

    @Override
    @RolesAllowed({ "admin", IntegrationRole.ROLE })
    public Response updateWebhook(UUID webhookId, WebhookChange change) {
        adminOrIntegration();
        return Response.ok(toApi(webhooks.update(webhookId, change.getEnabled()))).build();
    }

    @Override
    @RolesAllowed({ "admin", IntegrationRole.ROLE })
    public Response testWebhook(UUID webhookId) {
        adminOrIntegration();
        return Response.accepted(toApi(webhooks.sendTest(webhookId))).build();
    }

    @Override
    @RolesAllowed({ "admin", IntegrationRole.ROLE })
    public Response replayWebhookDelivery(UUID webhookId, UUID deliveryId) {
        adminOrIntegration();
        return Response.accepted(toApi(webhooks.replay(webhookId, deliveryId))).build();
    }

    /**
     * Webhooks are the admins', and an integration's whose token has the scope webhooks:manage
     * (checked by IntegrationScopes): a person holding a realm role named like the integrations'
     * is neither.
     */
    private void adminOrIntegration() {
        if (!caller.admin() && !caller.integration()) {
            throw ProblemException.forbidden("Les webhooks sont gérés par les admins.");
        }
    }

    @Override
    @RolesAllowed("admin")
    public Response listIntegrationClients() {
        return Response.ok(new IntegrationClientList().items(integrations.list().stream()
                .map(IntegrationsResource::toApi).toList())).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response createIntegrationClient(IntegrationClientInput input) {
        Integrations.WithSecret created = integrations.create(input.getName(),
                input.getScopes().stream().map(IntegrationScope::toString).toList(), input.getBudgetPerMinute());
        budgets.reload();
        return Response.created(URI.create("/api/v1/integration-clients/" + created.integration().id))
                .entity(withSecret(created)).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response updateIntegrationClient(UUID integrationClientId, IntegrationClientChange change) {
        Integration integration = integrations.update(integrationClientId, change.getEnabled(), change.getBudgetPerMinute());
        budgets.reload();
        return Response.ok(toApi(integration)).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response rotateIntegrationClientSecret(UUID integrationClientId) {
        return Response.ok(withSecret(integrations.rotate(integrationClientId))).build();
    }

    @Override
    @RolesAllowed("admin")
    public Response deleteIntegrationClient(UUID integrationClientId) {
        integrations.remove(integrationClientId);
        budgets.reload();
        return Response.noContent().build();
    }

    private IntegrationClientCreated withSecret(Integrations.WithSecret created) {
        return new IntegrationClientCreated().client(toApi(created.integration())).secret(created.secret())
                .tokenUrl(issuer.orElse(authServerUrl).replaceAll("/+$", "") + "/protocol/openid-connect/token");
    }

    private static IntegrationClient toApi(Integration integration) {
        return new IntegrationClient().id(integration.id).name(integration.name).clientId(integration.clientId)
                .scopes(Arrays.stream(integration.scopes).map(IntegrationScope::fromValue).toList())
                .budgetPerMinute(integration.budgetPerMinute).enabled(integration.enabled)
                .createdAt(time(integration.createdAt));
    }

    private static WebhookDelivery toApi(Webhooks.Delivery d) {
        return new WebhookDelivery().id(d.id()).eventId(d.eventId())
                .eventType(coop.panier.api.model.EventType.fromValue(d.eventType()))
                .status(WebhookDelivery.StatusEnum.fromValue(d.status())).attempts(d.attempts())
                .nextAttemptAt(time(d.nextAttemptAt())).lastStatus(d.lastStatus()).lastDurationMs(d.lastDurationMs())
                .lastExcerpt(d.lastExcerpt()).deliveredAt(time(d.deliveredAt()));
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
