package coop.panier.integrations;

import java.util.List;

/**
 * The integration clients' accounts, which live in Keycloak: a confidential client with a
 * service account, granted client scopes and no person's role. The implementation is
 * {@link KeycloakIntegrationAccounts}; backend tests, which have no Keycloak, replace it, and
 * the end-to-end suite proves the real one against a real Keycloak.
 */
public interface IntegrationAccounts {

    /** A client created: Keycloak's id of it, and its secret (shown once to the admin). */
    record Created(String keycloakId, String secret) {
    }

    Created create(String clientId, String name, List<String> scopes);

    /** A new secret; the old one no longer gets tokens. */
    String newSecret(String keycloakId);

    void enable(String keycloakId, boolean enabled);

    /** Deletes the client; a client already gone is not an error. */
    void remove(String keycloakId);
}
