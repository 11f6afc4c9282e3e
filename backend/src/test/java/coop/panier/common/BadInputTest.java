package coop.panier.common;

import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The bad input the trust review met, each answered at its source with a 4xx that names what is
 * wrong, and nothing written: a NUL character, a query value outside its enum, a required text
 * of spaces, numbers beyond what the co-op records, two writers holding the same ETag, and a
 * double click on "join". The walk over the whole contract is BadInputWalkTest.
 */
@QuarkusTest
class BadInputTest extends ApiTest {

    @Inject
    DataSource dataSource;

    @Inject
    MembershipScaleRepository scales;

    /** The clients sending at once: threads of their own, as the common pool may have only one. */
    private final ExecutorService clients = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    /** A request the contract refuses, so sent without the contract filter (which would stop it first). */
    private static io.restassured.specification.RequestSpecification refused(String token) {
        return token == null ? outsideContract() : outsideContract().auth().oauth2(token);
    }

    private static Map<String, Object> supplier(String name) {
        return Map.of("name", name, "kind", "PRODUCER", "locality", "Orléans");
    }

    private static int suppliersNamed(String name) {
        return api().get("/api/v1/suppliers?limit=200").jsonPath().getList("items.findAll { it.name == '" + name + "' }").size();
    }

    @Test
    void aNulCharacterInATextIsRefusedBesideItsFieldAndNothingIsWritten() {
        String name = "Ferme\u0000 " + UUID.randomUUID();
        refused(admin()).contentType(ContentType.JSON).body(supplier(name)).post("/api/v1/suppliers").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name")).body("errors[0].message", equalTo("caractère NUL (U+0000) interdit"));
        assertThat(suppliersNamed(name)).isZero();
        refused(null).queryParam("q", "mi\u0000el").get("/api/v1/products").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void aRequiredTextOfSpacesIsMissing() {
        refused(admin()).contentType(ContentType.JSON).body(supplier(" \u00a0\t ")).post("/api/v1/suppliers").then()
                .statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void aQueryValueOutsideItsEnumOrTypeIsNamed() {
        refused(admin()).queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").queryParam("groupBy", "WEEK")
                .get("/api/v1/stock/losses").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("groupBy"))
                .body("errors[0].message", equalTo("valeur inconnue : une de PRODUCT, CATEGORY, SUPPLIER"));
        refused(null).queryParam("inStock", "peut-être").get("/api/v1/products").then().statusCode(400)
                .body("errors[0].field", equalTo("inStock"));
        refused(admin()).queryParam("limit", "92233720368547758070").get("/api/v1/members").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aForgedCursorIsRefusedRatherThanStartingAPageElsewhere() {
        refused(admin()).queryParam("cursor", "QS0wMDAx").get("/api/v1/members").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void numbersBeyondWhatTheCoopRecordsAreRefusedBesideTheirField() {
        String product = coop.panier.drive.DriveFixtures.product("Lentilles vertes", 420, 1, 10);
        refused(admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "RECEPTION", "quantity", 1, "unitCostCents", 10_000_000_000_000L))
                .post("/api/v1/products/" + product + "/stock-movements").then().statusCode(400)
                .body("errors[0].field", equalTo("unitCostCents"));
        refused(admin()).contentType(ContentType.JSON)
                .body("{\"kind\": \"RECEPTION\", \"quantity\": 1, \"unitCostCents\": 92233720368547758070}")
                .post("/api/v1/products/" + product + "/stock-movements").then().statusCode(400)
                .body("errors[0].field", equalTo("unitCostCents"));
        refused(admin()).contentType(ContentType.JSON).body(Map.of("kind", "RECEPTION", "quantity", 1.5, "unitCostCents", 1.5))
                .post("/api/v1/products/" + product + "/stock-movements").then().statusCode(400)
                .body("errors[0].field", equalTo("unitCostCents"));
    }

    /**
     * Both writers read version N and pass the If-Match check; the test holds the row locked so
     * that both reach their UPDATE, then lets them go: the second finds the version changed.
     */
    @Test
    void twoWritersHoldingTheSameETagGetOneSuccessAndOne412() throws Exception {
        String name = "Ferme Concurrente " + UUID.randomUUID().toString().substring(0, 8);
        String id = api(admin()).contentType(ContentType.JSON).body(supplier(name)).post("/api/v1/suppliers").path("id");
        String etag = api(admin()).get("/api/v1/suppliers/" + id).header("ETag");
        List<CompletableFuture<Response>> writes = new ArrayList<>();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("select 1 from supplier where id = '" + id + "' for update");
            for (String locality : List.of("Tours", "Blois")) {
                writes.add(CompletableFuture.supplyAsync(() -> api(admin()).contentType(ContentType.JSON)
                        .header("If-Match", etag).body(Map.of("name", name, "kind", "PRODUCER", "locality", locality))
                        .put("/api/v1/suppliers/" + id), clients));
            }
            waitForBlockedWrites(2);
            holder.commit();
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Response> write : writes) {
            Response response = write.get(60, TimeUnit.SECONDS);
            statuses.add(response.statusCode());
            if (response.statusCode() == 412) {
                response.then().contentType("application/problem+json").body("type", endsWith("/stale-version"));
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
    }

    private void waitForBlockedWrites(int count) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'update supplier%'")) {
                r.next();
                if (r.getInt(1) >= count) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the writes never reached their UPDATE");
    }

    @Test
    void aDoubleClickOnJoinMakesOneMembershipAndA409() throws Exception {
        TestScales.ensureOneInForceToday(scales);
        String token = member(TestPerson.random("Double", "Clic"));
        api(token).get("/api/v1/me").then().statusCode(200);
        Map<String, Object> join = Map.of("monthlyIncomeCents", 150_000, "household", Map.of("adults", 1, "children", 0));
        List<CompletableFuture<Response>> clicks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clicks.add(CompletableFuture.supplyAsync(() -> api(token).contentType(ContentType.JSON).body(join)
                    .post("/api/v1/me/membership"), clients));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Response> click : clicks) {
            statuses.add(click.get(60, TimeUnit.SECONDS).statusCode());
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
        api(token).get("/api/v1/memberships").then().statusCode(200).body("items.size()", equalTo(1));
    }
}
