package coop.panier.common;

import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An integration (a client-credentials token) holds the role `integration`, which operations
 * open to integrations name beside people's roles; {@link IntegrationScopes} then decides, from
 * the contract, which scopes each of them needs. Being a role, it is checked before the body is
 * read: a member gets a 403, not a 400. A person never holds it, even if a realm role of that
 * name were given to them.
 */
@ApplicationScoped
public class IntegrationRole implements SecurityIdentityAugmentor {

    public static final String ROLE = "integration";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        boolean integration = identity.getPrincipal() instanceof JsonWebToken token && Caller.integration(token);
        if (integration) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRole(ROLE).build());
        }
        if (!identity.hasRole(ROLE)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roles = identity.getRoles().stream().filter(r -> !ROLE.equals(r)).collect(Collectors.toSet());
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials()).addAttributes(identity.getAttributes())
                .addRoles(roles).setAnonymous(false).build());
    }
}
