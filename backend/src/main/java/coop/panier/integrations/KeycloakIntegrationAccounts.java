package coop.panier.integrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.ClientsResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

import coop.panier.common.KeycloakAdmin;
import coop.panier.common.ProblemException;
import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

/**
 * Integration clients in the realm panier, through Keycloak's admin API with a client of its own
 * (panier-integrations-admin, realm-management roles view-clients and manage-clients), so that
 * the backend's account for members' sign-in cannot touch clients and the other way round. The
 * Keycloak client is built on first use, like the members' one: a backend without the secret yet
 * still starts, and refuses these operations with a 503 that says why.
 */
@ApplicationScoped
public class KeycloakIntegrationAccounts implements IntegrationAccounts {

    /** Scopes every integration token carries: the service_account scope names the client (client_id). */
    private static final List<String> BASE_SCOPES = List.of("basic", "acr", "service_account");

    @ConfigProperty(name = "panier.keycloak-admin.url")
    String url;

    @ConfigProperty(name = "panier.keycloak-clients.client-id", defaultValue = "panier-integrations-admin")
    String adminClientId;

    @ConfigProperty(name = "panier.keycloak-clients.secret")
    Optional<String> secret;

    /** The audience the backend requires of every token. */
    @ConfigProperty(name = "quarkus.oidc.client-id", defaultValue = "panier-backend")
    String audience;

    private KeycloakAdmin keycloak;

    @PostConstruct
    void connect() {
        keycloak = new KeycloakAdmin(url, adminClientId, secret);
    }

    @Override
    public Created create(String clientId, String name, List<String> scopes) {
        return call(clients -> {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(clientId);
            client.setName(name);
            client.setDescription("Client d'intégration créé depuis Panier (page Intégrations).");
            client.setEnabled(true);
            client.setProtocol("openid-connect");
            client.setPublicClient(false);
            client.setClientAuthenticatorType("client-secret");
            client.setStandardFlowEnabled(false);
            client.setImplicitFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(false);
            client.setServiceAccountsEnabled(true);
            // Only the scopes granted, never the realm roles of its service account.
            client.setFullScopeAllowed(false);
            client.setAttributes(Map.of("client_credentials.use_refresh_token", "false"));
            List<String> all = new ArrayList<>(BASE_SCOPES);
            all.addAll(scopes);
            client.setDefaultClientScopes(all);
            client.setOptionalClientScopes(List.of());
            ProtocolMapperRepresentation aud = new ProtocolMapperRepresentation();
            aud.setName("panier-backend audience");
            aud.setProtocol("openid-connect");
            aud.setProtocolMapper("oidc-audience-mapper");
            aud.setConfig(Map.of("included.client.audience", audience, "access.token.claim", "true",
                    "id.token.claim", "false", "introspection.token.claim", "true"));
            client.setProtocolMappers(List.of(aud));
            String id;
            try (Response answer = clients.create(client)) {
                id = CreatedResponseUtil.getCreatedId(answer);
            }
            ClientResource created = clients.get(id);
            try {
                grantMissing(created, all);
                return new Created(id, created.getSecret().getValue());
            } catch (RuntimeException e) {
                // Half made is not made: the admin tries again from a clean realm.
                created.remove();
                throw e;
            }
        });
    }

    /** Some Keycloak versions bind the realm's defaults on creation instead of the scopes asked for. */
    private void grantMissing(ClientResource client, List<String> scopes) {
        List<String> bound = client.getDefaultClientScopes().stream().map(s -> s.getName()).toList();
        if (bound.containsAll(scopes)) {
            return;
        }
        keycloak.realm().clientScopes().findAll().stream()
                .filter(s -> scopes.contains(s.getName()) && !bound.contains(s.getName()))
                .forEach(s -> client.addDefaultClientScope(s.getId()));
    }

    @Override
    public String newSecret(String keycloakId) {
        return call(clients -> clients.get(keycloakId).generateNewSecret().getValue());
    }

    @Override
    public void enable(String keycloakId, boolean enabled) {
        call(clients -> {
            ClientResource client = clients.get(keycloakId);
            ClientRepresentation representation = client.toRepresentation();
            representation.setEnabled(enabled);
            client.update(representation);
            return null;
        });
    }

    @Override
    public void remove(String keycloakId) {
        call(clients -> {
            try {
                clients.get(keycloakId).remove();
            } catch (NotFoundException e) {
                Log.infof("Integration client %s no longer exists in Keycloak", keycloakId);
            }
            return null;
        });
    }

    private <T> T call(Function<ClientsResource, T> action) {
        if (!keycloak.hasSecret()) {
            throw unchanged("le backend n'a pas de secret pour gérer les clients dans Keycloak"
                    + " (PANIER_KEYCLOAK_CLIENTS_SECRET, donné par keycloak/production-setup.sh)");
        }
        try {
            return action.apply(keycloak.realm().clients());
        } catch (RuntimeException e) {
            Log.errorf(e, "Keycloak's admin API refused or failed for an integration client");
            throw unchanged("Keycloak n'a pas répondu ou a refusé ; réessayez dans un moment");
        }
    }

    @PreDestroy
    void close() {
        keycloak.close();
    }

    static ProblemException unchanged(String why) {
        return new ProblemException(503, "keycloak-unchanged", "Keycloak inchangé",
                "Le client d'intégration n'a pas pu être changé dans Keycloak (" + why + ") : rien n'a été changé.",
                List.of());
    }
}
