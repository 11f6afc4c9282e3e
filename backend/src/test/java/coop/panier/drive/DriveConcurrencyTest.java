package coop.panier.drive;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.drive.DriveFixtures.as;
import static coop.panier.drive.DriveFixtures.booked;
import static coop.panier.drive.DriveFixtures.order;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.drive.DriveFixtures.slot;
import static coop.panier.drive.DriveFixtures.stock;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.AtOnce.all;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Many members at once: the database, not luck, keeps stock and places right. */
@QuarkusTest
class DriveConcurrencyTest extends ApiTest {

    private static final List<String> MEMBERS = new ArrayList<>();

    @Inject
    MembershipScaleRepository scales;

    @BeforeEach
    void twoHundredMembersWithAPaidMembership() throws Exception {
        TestScales.ensureOneInForceToday(scales);
        synchronized (MEMBERS) {
            if (MEMBERS.isEmpty()) {
                MEMBERS.addAll(all(200, i -> () -> activeMember("Membre" + i)));
            }
        }
    }

    private static Response place(String token, Map<String, Object> body, String key) {
        var request = as(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/orders");
    }

    private static long liveOrders(String slotId) {
        List<String> statuses = as(admin()).queryParam("slotId", slotId).queryParam("limit", 200)
                .get("/api/v1/orders").then().statusCode(200).extract().path("items.status");
        return statuses.stream().filter(s -> !s.equals("CANCELLED")).count();
    }

    @Test
    void twoHundredMembersRaceForFiftyPlacesAndExactlyFiftyGetOne() throws Exception {
        String bread = product("Pain de campagne", 450, 1, 1000);
        String slot = slot(50, 9);
        List<Integer> statuses = all(200, i -> () -> place(MEMBERS.get(i), order(slot, bread, 1), null).statusCode());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(50);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(150);
        assertThat(booked(slot)).isEqualTo(50);
        assertThat(liveOrders(slot)).isEqualTo(50);
        assertThat(stock(bread)).isEqualTo(950);
    }

    @Test
    void aHundredOrdersForThirtyUnitsNeverSellMoreThanThereIs() throws Exception {
        String eggs = product("Œufs fermiers", 60, 1, 30);
        String slot = slot(200, 10);
        List<Response> responses = all(100, i -> () -> place(MEMBERS.get(i), order(slot, eggs, 1 + i % 3), null));
        int sold = 0;
        for (int i = 0; i < responses.size(); i++) {
            Response r = responses.get(i);
            assertThat(r.statusCode()).isIn(201, 409);
            if (r.statusCode() == 201) {
                sold += 1 + i % 3;
            } else {
                assertThat(r.<String>path("shortages[0].productId")).isEqualTo(eggs);
            }
        }
        assertThat(sold).isBetween(28, 30);
        assertThat(stock(eggs)).isEqualTo(30 - sold).isGreaterThanOrEqualTo(0);
        assertThat(booked(slot)).isEqualTo((int) liveOrders(slot));
    }

    @Test
    void fiftyRetriesOfOneKeyPlaceOneOrder() throws Exception {
        String jam = product("Confiture de prunes", 520, 1, 100);
        String slot = slot(10, 11);
        String key = UUID.randomUUID().toString();
        String member = MEMBERS.get(150);
        List<Response> responses = all(50, i -> () -> place(member, order(slot, jam, 2), key));
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(responses.stream().map(r -> r.<String>path("id")).distinct()).hasSize(1);
        assertThat(stock(jam)).isEqualTo(98);
        assertThat(booked(slot)).isEqualTo(1);
    }

    @Test
    void aCancelSentTwiceAtOnceGivesBackOnce() throws Exception {
        String oil = product("Huile de colza", 780, 1, 20);
        String slot = slot(10, 12);
        String member = MEMBERS.get(199);
        String id = place(member, order(slot, oil, 4), null).then().statusCode(201).extract().path("id");
        List<Integer> statuses = all(2, i -> () -> as(member).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/orders/" + id + "/cancel").statusCode());
        assertThat(statuses).containsOnly(200);
        assertThat(stock(oil)).isEqualTo(20);
        assertThat(booked(slot)).isZero();
    }
}
