package coop.panier.stock;

import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Tokens;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class StockTest extends ApiTest {

    @Inject
    DataSource dataSource;

    private String category;
    private String supplier;

    @BeforeEach
    void aSupplierAndACategory() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        supplier = api(admin()).contentType(ContentType.JSON).body(Map.of("name", "Ferme " + tag, "kind", "PRODUCER"))
                .post("/api/v1/suppliers").then().statusCode(201).extract().path("id");
        category = api(admin()).contentType(ContentType.JSON).body(Map.of("name", "Frais " + tag))
                .post("/api/v1/categories").then().statusCode(201).extract().path("id");
    }

    private String product(String referentId) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "Yaourt " + UUID.randomUUID().toString().substring(0, 6));
        p.put("categoryId", category);
        p.put("supplierId", supplier);
        p.put("unit", "PIECE");
        p.put("orderStep", 1);
        p.put("priceCents", 120);
        p.put("vatRate", "5.5");
        p.put("labels", List.of());
        p.put("active", true);
        p.put("availableOnDrive", true);
        p.put("referentId", referentId);
        return api(admin()).contentType(ContentType.JSON).body(p).post("/api/v1/products").then().statusCode(201)
                .extract().path("id");
    }

    private static Response move(String token, String product, Map<String, Object> movement) {
        return api(token).contentType(ContentType.JSON).body(movement)
                .post("/api/v1/products/" + product + "/stock-movements");
    }

    private static float stockOf(String product) {
        return api().get("/api/v1/products/" + product).then().extract().<Number>path("stockOnHand").floatValue();
    }

    @Test
    void receptionsLossesAndInventoriesMakeTheStock() throws Exception {
        String yogurt = product(null);
        move(admin(), yogurt, Map.of("kind", "RECEPTION", "quantity", 24, "unitCostCents", 61)).then().statusCode(201)
                .body("quantity", equalTo(24)).body("stockAfter", equalTo(24));
        move(admin(), yogurt, Map.of("kind", "LOSS", "quantity", 2, "lossReason", "EXPIRED")).then().statusCode(201)
                .body("quantity", equalTo(-2)).body("stockAfter", equalTo(22));
        move(admin(), yogurt, Map.of("kind", "INVENTORY", "countedQuantity", 17)).then().statusCode(201)
                .body("quantity", equalTo(-5)).body("stockAfter", equalTo(17));

        assertThat(stockOf(yogurt)).isEqualTo(17f);
        api(admin()).get("/api/v1/products/" + yogurt + "/stock-movements").then().statusCode(200)
                .body("items.kind", equalTo(List.of("INVENTORY", "LOSS", "RECEPTION")));
        assertThat(sumOfMovements(yogurt)).isEqualByComparingTo("17");
    }

    private java.math.BigDecimal sumOfMovements(String product) throws java.sql.SQLException {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("select sum(quantity) from stock_movement where product_id = ?::uuid")) {
            s.setString(1, product);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    @Test
    void aLossNeedsItsReasonAndSalesComeFromTheDrive() {
        String yogurt = product(null);
        move(admin(), yogurt, Map.of("kind", "LOSS", "quantity", 1)).then().statusCode(400)
                .body("errors[0].field", equalTo("lossReason"));
        move(admin(), yogurt, Map.of("kind", "SALE", "quantity", 1)).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void stockNeverGoesBelowZeroAndARefusedMovementChangesNothing() {
        String yogurt = product(null);
        move(admin(), yogurt, Map.of("kind", "RECEPTION", "quantity", 3)).then().statusCode(201);
        move(admin(), yogurt, Map.of("kind", "LOSS", "quantity", 4, "lossReason", "DAMAGED")).then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("il en reste 3"));
        assertThat(stockOf(yogurt)).isEqualTo(3f);
        api(admin()).get("/api/v1/products/" + yogurt + "/stock-movements").then().body("items", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void concurrentRemovalsOfTheLastUnitsNeverOversell() throws Exception {
        String yogurt = product(null);
        move(admin(), yogurt, Map.of("kind", "RECEPTION", "quantity", 3)).then().statusCode(201);
        String token = admin();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses;
        try {
            List<Callable<Integer>> removals = java.util.Collections.nCopies(10,
                    () -> move(token, yogurt, Map.of("kind", "LOSS", "quantity", 1, "lossReason", "UNSOLD")).statusCode());
            statuses = pool.invokeAll(removals).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(3);
        assertThat(stockOf(yogurt)).isEqualTo(0f);
        assertThat(sumOfMovements(yogurt)).isEqualByComparingTo("0");
    }

    @Test
    void theReferentManagesTheStockOfTheirProductsOnly() {
        TestPerson referent = TestPerson.random("Rémi", "Stock");
        String token = Tokens.person(referent, Set.of("member", "referent"));
        String id = api(token).get("/api/v1/me").path("id");
        String his = product(id);
        String other = product(null);

        move(token, his, Map.of("kind", "RECEPTION", "quantity", 5)).then().statusCode(201);
        move(token, other, Map.of("kind", "RECEPTION", "quantity", 5)).then().statusCode(403);
        api(token).get("/api/v1/products/" + other + "/stock-movements").then().statusCode(403);
        move(member(TestPerson.random("Simple", "Stock")), his, Map.of("kind", "RECEPTION", "quantity", 5))
                .then().statusCode(403);
    }

    @Test
    void productsInStockCanBeFilteredAndMovementsAreHistory() {
        String yogurt = product(null);
        move(admin(), yogurt, Map.of("kind", "RECEPTION", "quantity", 2)).then().statusCode(201);
        api().queryParam("inStock", true).queryParam("supplierId", supplier).get("/api/v1/products").then()
                .body("items.id", equalTo(List.of(yogurt)));
        assertThatThrownBy(() -> {
            try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                s.executeUpdate("update stock_movement set quantity = 100 where product_id = '" + yogurt + "'");
            }
        }).hasMessageContaining("history");
    }
}
