package coop.panier.members;

import org.eclipse.microprofile.jwt.JsonWebToken;

import coop.panier.common.ProblemException;

/** Who the access token says the caller is: what Keycloak knows of the person. */
public record Person(String subject, String email, boolean emailVerified, String firstName, String lastName) {

    public static Person from(JsonWebToken token) {
        String email = token.getClaim("email");
        if (email == null || email.isBlank()) {
            // Integrations' service accounts have no e-mail: they are not members.
            throw ProblemException.forbidden("Ce jeton ne représente pas une personne.");
        }
        Object verified = token.getClaim("email_verified");
        String username = token.getClaim("preferred_username");
        String given = token.getClaim("given_name");
        String family = token.getClaim("family_name");
        return new Person(token.getSubject(), email.strip(),
                verified != null && Boolean.parseBoolean(verified.toString()),
                given == null || given.isBlank() ? (username == null ? email : username) : given.strip(),
                family == null ? "" : family.strip());
    }
}
