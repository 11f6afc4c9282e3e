package coop.panier.members;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import coop.panier.common.KeycloakAdmin;
import coop.panier.common.ProblemException;
import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    @ConfigProperty(name = "panier.keycloak-admin.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "panier.keycloak-admin.url")
    String url;

    @ConfigProperty(name = "panier.keycloak-admin.client-id", defaultValue = "panier-backend")
    String clientId;

    @ConfigProperty(name = "panier.keycloak-admin.secret")
    Optional<String> secret;

    private KeycloakAdmin keycloak;

    @PostConstruct
    void connect() {
        keycloak = new KeycloakAdmin(url, clientId, secret);
    }

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
        if (!keycloak.hasSecret()) {
            throw unchanged("le backend n'a pas de secret pour l'API d'administration de Keycloak"
                    + " (PANIER_KEYCLOAK_ADMIN_SECRET, donné par keycloak/production-setup.sh)");
        }
        try {
            action.accept(keycloak.realm().users());
        } catch (NotFoundException e) {
            Log.infof("Account %s no longer exists in Keycloak", subject);
        } catch (RuntimeException e) {
            Log.errorf(e, "Keycloak's admin API refused or failed for account %s", subject);
            throw unchanged("Keycloak n'a pas répondu ou a refusé ; réessayez dans un moment");
        }
    }

    @PreDestroy
    void close() {
        keycloak.close();
    }

    private static ProblemException unchanged(String why) {
        return new ProblemException(503, "sign-in-unchanged", "Compte de connexion inchangé",
                "Le compte de connexion de cet adhérent n'a pas pu être modifié (" + why + ") : rien n'a été changé.",
                List.of());
    }
}
