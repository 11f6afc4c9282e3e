package coop.panier.testsupport;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signed access tokens shaped like Keycloak's (realm_access.roles, e-mail and name claims),
 * verified by the backend through the OIDC discovery and keys of the test OIDC server.
 */
public final class Tokens {

    /** The issuer of the test OIDC server started by OidcWiremockTestResource. */
    private static final String ISSUER = "https://server.example.com";
    private static final String KEY = "privateKey.jwk";

    private Tokens() {
    }

    public record TestPerson(String subject, String email, String firstName, String lastName) {

        public static TestPerson random(String firstName, String lastName) {
            String id = UUID.randomUUID().toString();
            return new TestPerson(id, firstName.toLowerCase() + "." + id.substring(0, 8) + "@panier.example",
                    firstName, lastName);
        }
    }

    public static String member(TestPerson person) {
        return person(person, Set.of("member"));
    }

    public static String admin() {
        return person(TestPerson.random("Camille", "Admin"), Set.of("member", "admin"));
    }

    public static String person(TestPerson person, Set<String> roles) {
        return base(person.subject(), roles)
                .claim("email", person.email())
                .claim("email_verified", true)
                .claim("given_name", person.firstName())
                .claim("family_name", person.lastName())
                .claim("preferred_username", person.firstName().toLowerCase())
                .jws().keyId("1").sign(KEY);
    }

    /**
     * A client-credentials token of an integration, shaped like Keycloak's: a service-account
     * user, `azp` and `client_id` naming the client, the granted scopes in `scope`, no person
     * and no e-mail. The realm roles are those its service account holds, which must not count.
     */
    public static String integration(Set<String> roles, String... scopes) {
        return integrationOf("panier-integration-demo", roles, scopes);
    }

    /** The same, for the client named clientId (an integration client an admin created). */
    public static String integrationOf(String clientId, Set<String> roles, String... scopes) {
        return base(UUID.randomUUID().toString(), roles)
                .claim("preferred_username", "service-account-" + clientId)
                .claim("azp", clientId)
                .claim("client_id", clientId)
                .claim("scope", String.join(" ", scopes))
                .jws().keyId("1").sign(KEY);
    }

    public static String withAudience(TestPerson person, String audience) {
        return Jwt.issuer(ISSUER).audience(audience).subject(person.subject())
                .claim("email", person.email())
                .claim("realm_access", Map.of("roles", Set.of("member")))
                .jws().keyId("1").sign(KEY);
    }

    private static JwtClaimsBuilder base(String subject, Set<String> roles) {
        return Jwt.issuer(ISSUER).audience("panier-backend").subject(subject)
                .claim("realm_access", Map.of("roles", roles));
    }
}
