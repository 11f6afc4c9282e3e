package coop.panier.common;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives a client-credentials token the role `integration`, so that an operation open to admins
 * and to integrations holding its scope says so in `@RolesAllowed`, checked (like any role)
 * before its body is read: a member gets a 403, not a 400. Which scopes it holds is
 * {@link IntegrationScopes}' business.
 */
@ApplicationScoped
public class IntegrationRole implements SecurityIdentityAugmentor {

    public static final String NAME = "integration";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token) || !Caller.integration(token)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRole(NAME).build());
    }
}
