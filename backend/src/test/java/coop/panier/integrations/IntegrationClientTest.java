package coop.panier.integrations;

import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.integration;
import static coop.panier.testsupport.Tokens.integrationOf;
import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Admins' integration clients: created in Keycloak (here its stand-in, RecordingIntegrationAccounts)
 * with the scopes chosen and kept in PostgreSQL, the secret shown once, rotated, disabled, deleted;
 * and each client's request budget, over which its tokens get a 429 with Retry-After.
 */
@QuarkusTest
class IntegrationClientTest extends ApiTest {

    @Inject
    RecordingIntegrationAccounts keycloak;

    private ExtractableResponse<Response> create(String name, List<String> scopes, Integer budget) {
        Map<String, Object> body = budget == null ? Map.of("name", name, "scopes", scopes)
                : Map.of("name", name, "scopes", scopes, "budgetPerMinute", budget);
        return api(admin()).contentType(ContentType.JSON).body(body).post("/api/v1/integration-clients")
                .then().statusCode(201).extract();
    }

    @Test
    void anAdminCreatesAClientWhoseSecretIsShownOnceAndItsScopesAreKeycloaks() {
        var created = create("Caisse du local", List.of("webhooks:manage", "catalog:read"), null);
        String id = created.path("client.id");
        String clientId = created.path("client.clientId");
        assertThat(created.header("Location")).endsWith("/api/v1/integration-clients/" + id);
        assertThat(clientId).matches("integration-caisse-du-local-[0-9a-f]{6}");
        assertThat(created.<List<String>>path("client.scopes")).containsExactly("catalog:read", "webhooks:manage");
        assertThat(created.<Integer>path("client.budgetPerMinute")).isEqualTo(100000);
        assertThat(created.<String>path("tokenUrl")).endsWith("/protocol/openid-connect/token");
        var account = keycloak.byClientId(clientId);
        assertThat(account.secret()).isEqualTo(created.path("secret"));
        assertThat(account.scopes()).containsExactly("catalog:read", "webhooks:manage");
        assertThat(account.name()).isEqualTo("Caisse du local");

        api(admin()).get("/api/v1/integration-clients").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.name", equalTo("Caisse du local"))
                .body("items.find { it.id == '" + id + "' }.enabled", equalTo(true))
                .body("items.find { it.id == '" + id + "' }.containsKey('secret')", equalTo(false));

        String rotated = api(admin()).post("/api/v1/integration-clients/" + id + "/secret").then().statusCode(200)
                .body("client.clientId", equalTo(clientId)).extract().path("secret");
        assertThat(rotated).isNotEqualTo(created.path("secret")).isEqualTo(keycloak.byClientId(clientId).secret());

        String token = integrationOf(clientId, Set.of(), "catalog:read");
        api(token).get("/api/v1/products").then().statusCode(200);
        api(admin()).delete("/api/v1/integration-clients/" + id).then().statusCode(204);
        assertThat(keycloak.byClientId(clientId)).as("gone from Keycloak too").isNull();
        // Its token still valid is refused.
        api(token).get("/api/v1/products").then().statusCode(403);
        api(admin()).get("/api/v1/integration-clients").then().body("items.find { it.id == '" + id + "' }", equalTo(null));
        api(admin()).delete("/api/v1/integration-clients/" + id).then().statusCode(404);
    }

    @Test
    void aClientOverItsBudgetGets429WithRetryAfterUntilItsBudgetIsRaised() {
        var created = create("Comptabilité", List.of("catalog:read"), 3);
        String id = created.path("client.id");
        String token = integrationOf(created.path("client.clientId"), Set.of(), "catalog:read");
        for (int i = 0; i < 3; i++) {
            api(token).get("/api/v1/products").then().statusCode(200);
        }
        var refused = api(token).get("/api/v1/products").then().statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://panier.coop/problems/budget-exceeded")).extract();
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        // Another client has its own budget; people are not counted.
        api(integration(Set.of(), "catalog:read")).get("/api/v1/products").then().statusCode(200);
        api().get("/api/v1/products").then().statusCode(200);

        api(admin()).contentType(ContentType.JSON).body(Map.of("budgetPerMinute", 10))
                .patch("/api/v1/integration-clients/" + id).then().statusCode(200).body("budgetPerMinute", equalTo(10));
        api(token).get("/api/v1/products").then().statusCode(200);
    }

    @Test
    void aDisabledClientIsDisabledInKeycloakAndItsTokensStillValidAreRefused() {
        var created = create("Producteur", List.of("catalog:read"), null);
        String id = created.path("client.id");
        String clientId = created.path("client.clientId");
        String token = integrationOf(clientId, Set.of(), "catalog:read");
        api(token).get("/api/v1/products").then().statusCode(200);

        api(admin()).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .patch("/api/v1/integration-clients/" + id).then().statusCode(200).body("enabled", equalTo(false));
        assertThat(keycloak.byClientId(clientId).enabled()).isFalse();
        api(token).get("/api/v1/products").then().statusCode(403);

        api(admin()).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .patch("/api/v1/integration-clients/" + id).then().statusCode(200).body("enabled", equalTo(true));
        assertThat(keycloak.byClientId(clientId).enabled()).isTrue();
        api(token).get("/api/v1/products").then().statusCode(200);
    }

    @Test
    void badInputIsA400AndOnlyAdminsManageClients() {
        for (Object body : List.of(Map.of("name", "Caisse", "scopes", List.of("stock:delete")),
                Map.of("name", "   ", "scopes", List.of("catalog:read")),
                Map.of("name", "Caisse", "scopes", List.of()),
                Map.of("name", "Caisse", "scopes", List.of("catalog:read"), "budgetPerMinute", 0))) {
            outsideContract().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/integration-clients").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"));
        }
        api(member(TestPerson.random("Paul", "Membre"))).get("/api/v1/integration-clients").then().statusCode(403);
        api(integration(Set.of("admin"), "catalog:read", "webhooks:manage")).get("/api/v1/integration-clients")
                .then().statusCode(403);
    }

    @Test
    void aClientIdIsReadableInKeycloaksConsole() {
        assertThat(Integrations.clientId("Épicerie « Le Panier » — caisse n°2")).matches("integration-epicerie-le-panier-caisse-n-2-[0-9a-f]{6}");
        assertThat(Integrations.clientId("!!!")).matches("integration-[0-9a-f]{6}");
    }
}
