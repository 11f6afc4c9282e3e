package coop.panier.common;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;


import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one place where integrations (client-credentials tokens) are let in or refused. The
 * served contract lists, in each operation's `panierIntegration` security requirement, the
 * scopes an integration needs; an operation without one refuses every integration, so a
 * service account never acts as a member or an admin. People's tokens are not looked at here.
 */
@Singleton
public class IntegrationScopes {

    private static final String SCHEME = "panierIntegration";

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    ServedContract contract;

    /** Scopes by operationId, which the generated interfaces use as the resource method's name. */
    private Map<String, Set<String>> required;

    @PostConstruct
    void read() {
        required = load(contract);
    }

    @ServerRequestFilter
    public Uni<Response> check(ResourceInfo resource) {
        if (resource.getResourceMethod() == null) {
            return Uni.createFrom().nullItem();
        }
        String operation = resource.getResourceMethod().getName();
        // A token that does not authenticate is left to the endpoint's own security (401 or public).
        return identities.getDeferredIdentity().onFailure().recoverWithNull()
                .map(identity -> refusal(operation, identity));
    }

    private Response refusal(String operation, SecurityIdentity identity) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken token) || !Caller.integration(token)) {
            return null;
        }
        Set<String> needed = required.get(operation);
        if (needed == null) {
            return Problems.of(ProblemException.forbidden(
                    "Cette opération est réservée aux personnes : un client d'intégration ne peut pas l'appeler."));
        }
        Set<String> granted = scopes(token);
        if (!granted.containsAll(needed)) {
            return Problems.of(ProblemException.forbidden("Ce client d'intégration n'a pas le scope "
                    + String.join(", ", needed) + " que demande cette opération."));
        }
        return null;
    }

    private static Set<String> scopes(JsonWebToken token) {
        String scope = token.getClaim("scope");
        return scope == null ? Set.of() : new HashSet<>(Arrays.asList(scope.trim().split("\\s+")));
    }

    /** The scopes each operation's `panierIntegration` requirement lists; none: people only. */
    private static Map<String, Set<String>> load(ServedContract contract) {
        Map<String, Set<String>> scopes = new HashMap<>();
        contract.operations().forEach((id, operation) -> operation.node().path("security").forEach(requirement -> {
            if (requirement.has(SCHEME)) {
                Set<String> names = new HashSet<>();
                requirement.get(SCHEME).forEach(name -> names.add(name.asText()));
                scopes.put(id, Set.copyOf(names));
            }
        }));
        return Map.copyOf(scopes);
    }
}
