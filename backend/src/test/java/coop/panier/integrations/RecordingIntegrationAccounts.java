package coop.panier.integrations;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The backend tests have no Keycloak: the integration clients are kept here as Keycloak would
 * keep them (enabled, scopes, secret). The real calls are proved against a real Keycloak by the
 * end-to-end test frontend/e2e/integrations.e2e.ts.
 */
@Mock
@ApplicationScoped
public class RecordingIntegrationAccounts implements IntegrationAccounts {

    public record Client(String clientId, String name, List<String> scopes, boolean enabled, String secret) {
    }

    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    @Override
    public Created create(String clientId, String name, List<String> scopes) {
        String id = UUID.randomUUID().toString();
        String secret = UUID.randomUUID().toString();
        clients.put(id, new Client(clientId, name, scopes, true, secret));
        return new Created(id, secret);
    }

    @Override
    public String newSecret(String keycloakId) {
        String secret = UUID.randomUUID().toString();
        clients.computeIfPresent(keycloakId, (id, c) -> new Client(c.clientId(), c.name(), c.scopes(), c.enabled(), secret));
        return secret;
    }

    @Override
    public void enable(String keycloakId, boolean enabled) {
        clients.computeIfPresent(keycloakId, (id, c) -> new Client(c.clientId(), c.name(), c.scopes(), enabled, c.secret()));
    }

    @Override
    public void remove(String keycloakId) {
        clients.remove(keycloakId);
    }

    /** The client as Keycloak would hold it, by its client_id; null once removed. */
    public Client byClientId(String clientId) {
        return clients.values().stream().filter(c -> c.clientId().equals(clientId)).findFirst().orElse(null);
    }
}
