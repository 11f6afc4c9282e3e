package coop.panier.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The realm a co-op imports into its own Keycloak carries nothing of the demo: no user, no
 * secret, e-mail verification and login throttling on, and a new account is not a member until
 * an admin says so. The demo realm throttles logins too.
 */
class RealmFilesTest {

    private static JsonNode realm(String file) throws IOException {
        return new ObjectMapper().readTree(Path.of("..", "keycloak", file).toFile());
    }

    @Test
    void theProductionRealmHasNoUserAndNoSecret() throws IOException {
        JsonNode realm = realm("production-realm.json");
        assertThat(realm.path("users").isMissingNode() || realm.path("users").isEmpty()).as("users").isTrue();
        assertThat(realm.path("federatedUsers").isMissingNode()).isTrue();
        List<String> secrets = new ArrayList<>();
        collectSecrets(realm, "", secrets);
        assertThat(secrets).as("secrets or credentials in the production realm").isEmpty();
        assertThat(realm.path("clients").findValuesAsText("clientId")).doesNotContain("panier-integration-demo")
                .allSatisfy(id -> assertThat(id).doesNotContainIgnoringCase("demo"));
    }

    @Test
    void theProductionRealmVerifiesEmailsThrottlesLoginsAndGivesNoRoleByItself() throws IOException {
        JsonNode realm = realm("production-realm.json");
        assertThat(realm.path("realm").asText()).isEqualTo("panier");
        assertThat(realm.path("verifyEmail").asBoolean()).as("verifyEmail").isTrue();
        assertThat(realm.path("bruteForceProtected").asBoolean()).as("bruteForceProtected").isTrue();
        assertThat(realm.path("registrationAllowed").isBoolean()).as("registrationAllowed is decided").isTrue();
        assertThat(defaultRealmRoles(realm)).doesNotContain("member", "referent", "admin");
    }

    @Test
    void theDemoRealmThrottlesLoginsToo() throws IOException {
        assertThat(realm("demo-realm.json").path("bruteForceProtected").asBoolean()).isTrue();
    }

    private static List<String> defaultRealmRoles(JsonNode realm) {
        String name = realm.path("defaultRole").path("name").asText();
        for (JsonNode role : realm.path("roles").path("realm")) {
            if (role.path("name").asText().equals(name)) {
                List<String> roles = new ArrayList<>();
                role.path("composites").path("realm").forEach(r -> roles.add(r.asText()));
                return roles;
            }
        }
        return List.of();
    }

    /** Every field that holds a secret or a credential, wherever it sits. */
    private static void collectSecrets(JsonNode node, String path, List<String> found) {
        node.fields().forEachRemaining(field -> {
            String name = field.getKey().toLowerCase();
            if (name.equals("secret") || name.endsWith(".secret") || name.equals("credentials")
                    || name.equals("password") || name.equals("smtpserver")) {
                found.add(path + "/" + field.getKey());
            }
            collectSecrets(field.getValue(), path + "/" + field.getKey(), found);
        });
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectSecrets(node.get(i), path + "[" + i + "]", found);
            }
        }
    }
}
