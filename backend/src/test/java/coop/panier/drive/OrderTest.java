package coop.panier.drive;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.drive.DriveFixtures.booked;
import static coop.panier.drive.DriveFixtures.order;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.drive.DriveFixtures.slot;
import static coop.panier.drive.DriveFixtures.stock;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Tokens;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class OrderTest extends ApiTest {

    @Inject
    MembershipScaleRepository scales;

    @Inject
    DataSource dataSource;

    private String alice;
    private String honey;
    private String apples;
    private String slot;

    @BeforeEach
    void aMemberProductsAndASlot() {
        TestScales.ensureOneInForceToday(scales);
        alice = activeMember("Alice");
        honey = product("Miel de châtaignier", 850, 1, 10);
        apples = product("Pommes Reinette", 320, 0.5, 20);
        slot = slot(10, 7);
    }

    private Response place(String token, Map<String, Object> body, String key) {
        var request = api(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/orders");
    }

    @Test
    void placingAnOrderFreezesPricesReservesStockAndTakesAPlace() {
        Response placed = place(alice, order(slot, honey, 2, apples, 1.5), null);
        placed.then().statusCode(201).header("Location", containsString("/api/v1/orders/"))
                .body("status", equalTo("PLACED")).body("totalCents", equalTo(2 * 850 + 480))
                .body("lines", hasSize(2)).body("changeable", equalTo(true))
                .body("slot.id", equalTo(slot));
        assertThat(stock(honey)).isEqualTo(8);
        assertThat(stock(apples)).isEqualTo(18.5);
        assertThat(booked(slot)).isEqualTo(1);

        // A later price change does not touch the order.
        Response product = api().get("/api/v1/products/" + honey);
        Map<String, Object> dearer = new java.util.HashMap<>(product.jsonPath().getMap(""));
        dearer.keySet().removeAll(Set.of("id", "stockOnHand", "onHand", "reserved", "available", "currency"));
        dearer.put("priceCents", 990);
        api(admin()).contentType(ContentType.JSON).header("If-Match", product.header("ETag")).body(dearer)
                .put("/api/v1/products/" + honey).then().statusCode(200);
        api(alice).get("/api/v1/orders/" + placed.path("id")).then().statusCode(200)
                .body("totalCents", equalTo(2 * 850 + 480));
        api(alice).get("/api/v1/orders").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].memberNumber", equalTo(placed.path("memberNumber")));
    }

    @Test
    void whatCannotBeServedIsReportedLineByLineAndNothingIsApplied() {
        String rare = product("Safran", 1200, 1, 1);
        Response refused = place(alice, order(slot, honey, 2, rare, 3, apples, 25), null);
        refused.then().statusCode(409).contentType("application/problem+json")
                .body("shortages", hasSize(2))
                .body("shortages.find { it.productId == '" + rare + "' }.available", equalTo(1))
                .body("shortages.find { it.productId == '" + apples + "' }.available", equalTo(20))
                .body("detail", containsString("Safran"));
        assertThat(stock(honey)).isEqualTo(10);
        assertThat(booked(slot)).isZero();
        api(alice).get("/api/v1/orders").then().body("items", hasSize(0));
    }

    @Test
    void quantitiesFollowTheOrderStep() {
        place(alice, order(slot, apples, 0.75), null).then().statusCode(400)
                .body("errors[0].field", equalTo("lines[0].quantity"))
                .body("errors[0].message", containsString("0,5"));
    }

    @Test
    void withoutAPaidMembershipNobodyOrders() {
        String newcomer = member(TestPerson.random("Nouvelle", "Venue"));
        api(newcomer).get("/api/v1/me").then().statusCode(200);
        place(newcomer, order(slot, honey, 1), null).then().statusCode(409)
                .body("type", equalTo("https://panier.coop/problems/member-pending"));
        assertThat(stock(honey)).isEqualTo(10);
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstOrderAndAnotherBodyIsA422() {
        String key = UUID.randomUUID().toString();
        String first = place(alice, order(slot, honey, 1), key).then().statusCode(201).extract().path("id");
        String again = place(alice, order(slot, honey, 1), key).then().statusCode(201).extract().path("id");
        assertThat(again).isEqualTo(first);
        place(alice, order(slot, honey, 2), key).then().statusCode(422).contentType("application/problem+json");
        assertThat(stock(honey)).isEqualTo(9);
        assertThat(booked(slot)).isEqualTo(1);
    }

    @Test
    void untilTheDeadlineLinesAndSlotChangeAndStockFollows() {
        Response placed = place(alice, order(slot, honey, 2), null);
        String id = placed.path("id");
        String other = slot(10, 8);
        Response changed = api(alice).contentType(ContentType.JSON).header("If-Match", placed.header("ETag"))
                .body(order(other, honey, 1, apples, 2)).put("/api/v1/orders/" + id);
        changed.then().statusCode(200).body("slot.id", equalTo(other)).body("lines", hasSize(2))
                .body("totalCents", equalTo(850 + 640));
        assertThat(stock(honey)).isEqualTo(9);
        assertThat(stock(apples)).isEqualTo(18);
        assertThat(booked(slot)).isZero();
        assertThat(booked(other)).isEqualTo(1);
        api(alice).contentType(ContentType.JSON).header("If-Match", placed.header("ETag"))
                .body(order(other, honey, 3)).put("/api/v1/orders/" + id).then().statusCode(412);
    }

    @Test
    void afterTheDeadlineChangesAreRefusedWithAClearMessage() throws Exception {
        Response placed = place(alice, order(slot, honey, 2), null);
        String id = placed.path("id");
        deadlinePassed(slot);
        api(alice).contentType(ContentType.JSON).header("If-Match", placed.header("ETag"))
                .body(order(slot, honey, 1)).put("/api/v1/orders/" + id).then().statusCode(409)
                .body("detail", containsString("date limite"));
        api(alice).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/orders/" + id + "/cancel")
                .then().statusCode(409);
        api(alice).get("/api/v1/orders/" + id).then().body("changeable", equalTo(false));
        assertThat(stock(honey)).isEqualTo(8);
        place(activeMember("Tardive"), order(slot, honey, 1), null).then().statusCode(409)
                .body("detail", containsString("date limite"));
    }

    @Test
    void cancellingTwiceGivesStockAndPlaceBackOnce() {
        String id = place(alice, order(slot, honey, 3), null).path("id");
        for (int i = 0; i < 2; i++) {
            api(alice).contentType(ContentType.JSON).body(Map.of("reason", "Empêchement"))
                    .post("/api/v1/orders/" + id + "/cancel").then().statusCode(200)
                    .body("status", equalTo("CANCELLED"));
        }
        assertThat(stock(honey)).isEqualTo(10);
        assertThat(booked(slot)).isZero();
    }

    @Test
    void othersOrdersAreInvisibleAndOnlyAdminsMoveThemAlong() {
        String id = place(alice, order(slot, honey, 1), null).path("id");
        String bob = activeMember("Bob");
        String referent = Tokens.person(TestPerson.random("Rémi", "Référent"), Set.of("member", "referent"));
        for (String other : List.of(bob, referent)) {
            api(other).get("/api/v1/orders/" + id).then().statusCode(404);
            api(other).get("/api/v1/orders").then().statusCode(200).body("items", hasSize(0));
            api(other).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/orders/" + id + "/cancel")
                    .then().statusCode(404);
        }
        for (String status : List.of("PREPARED", "NO_SHOW")) {
            api(alice).contentType(ContentType.JSON).body(Map.of("status", status))
                    .post("/api/v1/orders/" + id + "/status").then().statusCode(403);
        }
        api(alice).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/orders/" + id + "/pickup")
                .then().statusCode(403);
        api(admin()).contentType(ContentType.JSON).body(Map.of("status", "PREPARED"))
                .post("/api/v1/orders/" + id + "/status").then().statusCode(200).body("status", equalTo("PREPARED"));
        api(alice).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/orders/" + id + "/cancel")
                .then().statusCode(409);
    }

    @Test
    void aPickupKeyAlreadyUsedForAnotherOrderIsRefusedAndThatOrderStaysUncollected() {
        String bruno = activeMember("Bruno");
        String first = place(alice, order(slot, honey, 1), null).path("id");
        String second = place(bruno, order(slot, honey, 1), null).path("id");
        String key = UUID.randomUUID().toString();
        api(admin()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of())
                .post("/api/v1/orders/" + first + "/pickup").then().statusCode(200);
        api(admin()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of())
                .post("/api/v1/orders/" + second + "/pickup").then().statusCode(422)
                .contentType("application/problem+json").body("type", endsWith("/idempotency-key-reused"));
        api(bruno).get("/api/v1/orders/" + second).then().statusCode(200).body("status", equalTo("PLACED"));
    }

    @Test
    void atPickupTheOrderIsChargedAndPaidOnceInTheHouseholdAccount() {
        Response placed = place(alice, order(slot, honey, 2), null);
        String id = placed.path("id");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("payment", Map.of("amountCents", 1700, "method", "CARD"));
        for (int i = 0; i < 2; i++) {
            api(admin()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                    .post("/api/v1/orders/" + id + "/pickup").then().statusCode(200)
                    .body("status", equalTo("PICKED_UP")).body("paidCents", equalTo(1700));
        }
        api(admin()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("payment", Map.of("amountCents", 100, "method", "CASH")))
                .post("/api/v1/orders/" + id + "/pickup").then().statusCode(422);
        String household = placed.path("householdId");
        Response ledger = api(alice).get("/api/v1/households/" + household + "/ledger");
        List<Map<String, Object>> forOrder = ledger.jsonPath().param("id", id).getList("items.findAll { it.orderId == id }");
        assertThat(forOrder).extracting(e -> e.get("kind") + " " + e.get("amountCents"))
                .containsExactly("ORDER_CHARGE 1700", "PAYMENT -1700");
        api(alice).get("/api/v1/orders/" + id).then().body("status", equalTo("PICKED_UP"));
    }

    @Test
    void theBasketIsKeptOnTheServerAndEmptiedByTheOrder() {
        api(alice).contentType(ContentType.JSON).body(Map.of("quantity", 2)).put("/api/v1/me/basket/lines/" + honey)
                .then().statusCode(200).body("totalCents", equalTo(1700));
        api(alice).contentType(ContentType.JSON).body(Map.of("quantity", 1.5)).put("/api/v1/me/basket/lines/" + apples)
                .then().statusCode(200).body("lines", hasSize(2)).body("totalCents", equalTo(1700 + 480));
        api(alice).contentType(ContentType.JSON).body(Map.of("quantity", 0.3)).put("/api/v1/me/basket/lines/" + apples)
                .then().statusCode(400).body("errors[0].field", equalTo("lines[0].quantity"));
        api(alice).get("/api/v1/me/basket").then().statusCode(200).body("lines", hasSize(2))
                .body("lines[0].available", equalTo(true));
        place(alice, order(slot, honey, 2, apples, 1.5), null).then().statusCode(201);
        api(alice).get("/api/v1/me/basket").then().body("lines", hasSize(0)).body("totalCents", equalTo(0));
    }

    @Test
    void adminsFindOrdersByMemberAndSeeOrdersAndRevenuePerWeek() {
        String number = api(alice).get("/api/v1/me").path("memberNumber");
        place(alice, order(slot, honey, 2), null).then().statusCode(201);
        api(admin()).queryParam("q", number).get("/api/v1/orders").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].memberName", equalTo("Alice Drive"));
        api(admin()).queryParam("q", "alice drive").queryParam("slotId", slot).get("/api/v1/orders").then()
                .body("items", hasSize(1));
        String day = api(admin()).get("/api/v1/pickup-slots/" + slot).<String>path("startsAt").substring(0, 10);
        List<Map<String, Object>> weeks = api(admin()).queryParam("from", day).queryParam("to", day)
                .get("/api/v1/orders/stats").then().statusCode(200).extract().path("weeks");
        assertThat(weeks).hasSize(1);
        assertThat((Integer) weeks.get(0).get("orders")).isGreaterThanOrEqualTo(1);
        assertThat(((Number) weeks.get(0).get("revenueCents")).longValue()).isGreaterThanOrEqualTo(1700);
        api(alice).queryParam("from", day).queryParam("to", day).get("/api/v1/orders/stats").then().statusCode(403);
    }

    /** Time passes: the slot's orders closed an hour ago. */
    private void deadlinePassed(String slotId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "update pickup_slot set order_deadline = now() - interval '1 hour' where id = ?")) {
            s.setObject(1, UUID.fromString(slotId));
            s.executeUpdate();
        }
    }
}
