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

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    public String subject() {
        return token.getSubject();
    }

    public boolean admin() {
        return identity.hasRole("admin");
    }
}
