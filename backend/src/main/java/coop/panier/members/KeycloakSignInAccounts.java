package coop.panier.members;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import coop.panier.common.ProblemException;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The accounts in the realm panier, through Keycloak's admin API with the backend's own service
 * account (client credentials of panier-backend, realm-management roles view-users and
 * manage-users). When Keycloak refuses or cannot be reached, the change of the member is refused
 * as a whole, so that the co-op never believes a suspended member is locked out when they are not.
 */
@ApplicationScoped
public class KeycloakSignInAccounts implements SignInAccounts {

    private static final String REALM = "panier";

    @ConfigProperty(name = "panier.keycloak-admin.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "panier.keycloak-admin.url")
    String url;

    @ConfigProperty(name = "panier.keycloak-admin.client-id", defaultValue = "panier-backend")
    String clientId;

    @ConfigProperty(name = "panier.keycloak-admin.secret")
    Optional<String> secret;

    private Keycloak keycloak;

    @Override
    public void allowSignIn(String subject, boolean allowed) {
        call(subject, users -> {
            UserResource user = users.get(subject);
            UserRepresentation account = user.toRepresentation();
            account.setEnabled(allowed);
            user.update(account);
            if (!allowed) {
                // Sessions already open end now, not when their tokens expire.
                user.logout();
            }
        });
    }

    @Override
    public void remove(String subject) {
        call(subject, users -> {
            try (Response answer = users.delete(subject)) {
                if (answer.getStatus() >= 300 && answer.getStatus() != 404) {
                    throw new IllegalStateException("Keycloak answered " + answer.getStatus());
                }
            }
        });
    }

    private void call(String subject, Consumer<UsersResource> action) {
        if (subject == null) {
            return;
        }
        if (!enabled) {
            Log.warnf("panier.keycloak-admin.enabled=false: account %s is left as it is in Keycloak", subject);
            return;
        }
        if (secret.filter(s -> !s.isBlank()).isEmpty()) {
            throw unchanged("le backend n'a pas de secret pour l'API d'administration de Keycloak"
                    + " (PANIER_KEYCLOAK_ADMIN_SECRET, donné par keycloak/production-setup.sh)");
        }
        try {
            action.accept(client().realm(REALM).users());
        } catch (NotFoundException e) {
            Log.infof("Account %s no longer exists in Keycloak", subject);
        } catch (RuntimeException e) {
            Log.errorf(e, "Keycloak's admin API refused or failed for account %s", subject);
            throw unchanged("Keycloak n'a pas répondu ou a refusé ; réessayez dans un moment");
        }
    }

    private synchronized Keycloak client() {
        if (keycloak == null) {
            keycloak = KeycloakBuilder.builder().serverUrl(url).realm(REALM).clientId(clientId)
                    .clientSecret(secret.orElseThrow()).grantType(OAuth2Constants.CLIENT_CREDENTIALS).build();
        }
        return keycloak;
    }

    @PreDestroy
    synchronized void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static ProblemException unchanged(String why) {
        return new ProblemException(503, "sign-in-unchanged", "Compte de connexion inchangé",
                "Le compte de connexion de cet adhérent n'a pas pu être modifié (" + why + ") : rien n'a été changé.",
                List.of());
    }
}
