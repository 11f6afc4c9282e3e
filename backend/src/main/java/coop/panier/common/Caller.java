package coop.panier.common;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who calls: the token's subject (the link to a member) and whether they are an admin, which
 * decides between "everything" and "only your own". One per request.
 */
@RequestScoped
public class Caller {

    /** Keycloak names the user of every service account so; persons cannot take the prefix. */
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    public String subject() {
        return token.getSubject();
    }

    /** An integration never acts as an admin, whatever realm roles its service account holds. */
    public boolean admin() {
        return !integration(token) && identity.hasRole("admin");
    }

    /**
     * Sees everything, not only their own: an admin, or an integration that the contract let
     * into this operation for one of its scopes (orders:read, memberships:read…).
     */
    public boolean seesAll() {
        return admin() || integration(token);
    }

    /** An admin or a référent: those who buy, and so may see suppliers' contacts and notes. */
    public boolean staff() {
        return admin() || (!integration(token) && identity.hasRole("referent"));
    }

    /** The caller is an integration, whose scopes IntegrationScopes has checked already. */
    public boolean integration() {
        return integration(token);
    }

    /**
     * A client-credentials token (a till, an accounting tool): no person behind it. Keycloak's
     * service_account client scope adds `client_id`; the user name is the fallback.
     */
    public static boolean integration(JsonWebToken token) {
        if (token == null || token.getRawToken() == null) {
            return false;
        }
        String user = token.getClaim("preferred_username");
        return token.containsClaim("client_id") || (user != null && user.startsWith(SERVICE_ACCOUNT_PREFIX));
    }
}
