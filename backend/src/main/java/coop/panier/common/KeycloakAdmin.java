package coop.panier.common;

import java.util.Optional;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * Keycloak's admin API on the realm panier, through the service account of one confidential
 * client (client credentials). Built on first use, not at start, so that a backend whose secret
 * is not set yet still starts; those who use it say why they refuse meanwhile.
 */
public final class KeycloakAdmin implements AutoCloseable {

    public static final String REALM = "panier";

    private final String url;
    private final String clientId;
    private final Optional<String> secret;
    private Keycloak keycloak;

    public KeycloakAdmin(String url, String clientId, Optional<String> secret) {
        this.url = url;
        this.clientId = clientId;
        this.secret = secret.filter(s -> !s.isBlank());
    }

    public boolean hasSecret() {
        return secret.isPresent();
    }

    public synchronized RealmResource realm() {
        if (keycloak == null) {
            keycloak = KeycloakBuilder.builder().serverUrl(url).realm(REALM).clientId(clientId)
                    .clientSecret(secret.orElseThrow()).grantType(OAuth2Constants.CLIENT_CREDENTIALS).build();
        }
        return keycloak.realm(REALM);
    }

    @Override
    public synchronized void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
