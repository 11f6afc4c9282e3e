package coop.panier.drive;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.drive.DriveFixtures.order;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.drive.DriveFixtures.shelf;
import static coop.panier.drive.DriveFixtures.slot;
import static coop.panier.testsupport.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** What is on the shelf and what orders not yet picked up hold are two numbers. */
@QuarkusTest
class StockAtPickupTest extends ApiTest {

    @Inject
    MembershipScaleRepository scales;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    DataSource dataSource;

    private String jam;
    private String slot;

    @BeforeEach
    void tenJarsAndASlot() {
        TestScales.ensureOneInForceToday(scales);
        jam = product("Confiture de figues", 590, 1, 10);
        slot = slot(20, 9);
    }

    private static Response place(String member, int jars, String productId, String slotId) {
        return api(member).contentType(ContentType.JSON).body(order(slotId, productId, jars)).post("/api/v1/orders");
    }

    private static Response record(Map<String, Object> movement, String productId) {
        return api(admin()).contentType(ContentType.JSON).body(movement)
                .post("/api/v1/products/" + productId + "/stock-movements");
    }

    private List<String> movements(String productId) {
        return api(admin()).get("/api/v1/products/" + productId + "/stock-movements").then().statusCode(200).extract()
                .jsonPath().getList("items.collect { it.kind + ' ' + it.quantity }");
    }

    @Test
    void countingTheShelfWhileJarsWaitInOrdersCreatesNoPhantomJars() {
        place(activeMember("Patiente"), 4, jam, slot).then().statusCode(201);
        assertThat(shelf(jam)).containsExactly(10.0, 4.0, 6.0);

        // Ten jars on the shelf: four of them are someone's, and nothing is missing.
        record(Map.of("kind", "INVENTORY", "countedQuantity", 10), jam).then().statusCode(201)
                .body("quantity", equalTo(0)).body("stockAfter", equalTo(10));
        assertThat(shelf(jam)).containsExactly(10.0, 4.0, 6.0);

        String late = activeMember("Gourmande");
        place(late, 7, jam, slot).then().statusCode(409).body("shortages[0].available", equalTo(6));
        place(late, 6, jam, slot).then().statusCode(201);
        assertThat(shelf(jam)).containsExactly(10.0, 10.0, 0.0);
        api().queryParam("inStock", true).queryParam("q", "Confiture de figues").get("/api/v1/products").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(jam)));
    }

    @Test
    void aSaleLeavesTheShopAtPickupAsOneMovementPerLine() {
        String id = place(activeMember("Retire"), 3, jam, slot).then().statusCode(201).extract().path("id");
        assertThat(shelf(jam)).containsExactly(10.0, 3.0, 7.0);
        assertThat(movements(jam)).containsExactly("RECEPTION 10");

        api(admin()).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/orders/" + id + "/pickup").then()
                .statusCode(200).body("status", equalTo("PICKED_UP"));
        assertThat(shelf(jam)).containsExactly(7.0, 0.0, 7.0);
        assertThat(movements(jam)).containsExactly("SALE -3", "RECEPTION 10");
        api(admin()).get("/api/v1/products/" + jam + "/stock-movements").then()
                .body("items[0].orderId", equalTo(id)).body("items[0].stockAfter", equalTo(7));
    }

    @Test
    void cancellingAndNotCollectingReleaseTheReservationWithoutMovingStock() throws Exception {
        String member = activeMember("Change");
        Response placed = place(member, 3, jam, slot);
        String id = placed.then().statusCode(201).extract().path("id");
        api(member).contentType(ContentType.JSON).header("If-Match", placed.header("ETag"))
                .body(order(slot, jam, 5)).put("/api/v1/orders/" + id).then().statusCode(200);
        assertThat(shelf(jam)).containsExactly(10.0, 5.0, 5.0);
        api(member).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/orders/" + id + "/cancel").then()
                .statusCode(200);
        assertThat(shelf(jam)).containsExactly(10.0, 0.0, 10.0);

        String ended = slot(5, 10);
        String forgetful = activeMember("Oublieuse");
        String uncollected = place(forgetful, 2, jam, ended).then().statusCode(201).extract().path("id");
        assertThat(shelf(jam)).containsExactly(10.0, 2.0, 8.0);
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("update pickup_slot set order_deadline ="
                + " now() - interval '1 day', starts_at = now() - interval '5 hours', ends_at = now() - interval '4 hours'"
                + " where id = ?::uuid")) {
            s.setString(1, ended);
            s.executeUpdate();
        }
        lifecycle.markNoShows();
        api(forgetful).get("/api/v1/orders/" + uncollected).then().body("status", equalTo("NO_SHOW"));
        assertThat(shelf(jam)).containsExactly(10.0, 0.0, 10.0);
        assertThat(movements(jam)).containsExactly("RECEPTION 10");
    }

    @Test
    void whatOrdersHoldCannotBeLostNorCountedAway() {
        place(activeMember("Prioritaire"), 4, jam, slot).then().statusCode(201);
        record(Map.of("kind", "LOSS", "quantity", 7, "lossReason", "DAMAGED"), jam).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("dont 4 réservés"));
        record(Map.of("kind", "INVENTORY", "countedQuantity", 3), jam).then().statusCode(409)
                .body("detail", containsString("(4)"));
        assertThat(shelf(jam)).containsExactly(10.0, 4.0, 6.0);
        record(Map.of("kind", "LOSS", "quantity", 6, "lossReason", "DAMAGED"), jam).then().statusCode(201);
        assertThat(shelf(jam)).containsExactly(4.0, 4.0, 0.0);
    }

    @Test
    void postgresqlRefusesAReservationBeyondWhatIsOnHand() throws Exception {
        String member = activeMember("Directe");
        String id = place(member, 2, jam, slot).then().statusCode(201).extract().path("id");
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "update order_line set quantity = 11 where order_id = ?::uuid")) {
            s.setString(1, id);
            org.assertj.core.api.Assertions.assertThatThrownBy(s::executeUpdate)
                    .hasMessageContaining("product_stock_available");
        }
        assertThat(shelf(jam)).containsExactly(10.0, 2.0, 8.0);
    }
}
