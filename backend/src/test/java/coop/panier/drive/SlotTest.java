package coop.panier.drive;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.drive.DriveFixtures.booked;
import static coop.panier.drive.DriveFixtures.order;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.drive.DriveFixtures.slot;
import static coop.panier.drive.DriveFixtures.stock;
import static coop.panier.testsupport.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
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

@QuarkusTest
class SlotTest extends ApiTest {

    @Inject
    MembershipScaleRepository scales;

    @Inject
    SlotService slotService;

    @Inject
    javax.sql.DataSource dataSource;

    @BeforeEach
    void aScale() {
        TestScales.ensureOneInForceToday(scales);
    }

    private static Map<String, Object> series(LocalDate firstDay, int weeks) {
        Map<String, Object> body = new HashMap<>();
        body.put("place", "Local de la coop");
        body.put("firstDay", firstDay.toString());
        body.put("weeks", weeks);
        body.put("from", "17:00");
        body.put("to", "19:00");
        body.put("slotMinutes", 30);
        body.put("capacity", 12);
        return body;
    }

    @Test
    void aSeriesOfFridaysIsPublishedInOneCallWithDeadlines48HoursBefore() {
        LocalDate friday = LocalDate.now(DriveFixtures.ZONE).plusYears(1).with(TemporalAdjusters.next(java.time.DayOfWeek.FRIDAY));
        Response created = api(admin()).contentType(ContentType.JSON).body(series(friday, 8))
                .post("/api/v1/pickup-slots/series");
        created.then().statusCode(201);
        List<String> starts = created.path("items.startsAt");
        assertThat(starts).hasSize(8 * 4);
        OffsetDateTime first = OffsetDateTime.parse(starts.get(0));
        assertThat(first.toLocalDate()).isEqualTo(friday);
        assertThat(first.atZoneSameInstant(DriveFixtures.ZONE).getHour()).isEqualTo(17);
        assertThat(OffsetDateTime.parse(starts.get(31)).atZoneSameInstant(DriveFixtures.ZONE).toLocalTime())
                .hasToString("18:30");
        assertThat(OffsetDateTime.parse(created.path("items[0].orderDeadline")))
                .isEqualTo(first.minusHours(48));
        api(admin()).queryParam("from", friday.toString()).queryParam("to", friday.plusWeeks(7).toString())
                .get("/api/v1/pickup-slots").then().statusCode(200)
                .body("items.size()", equalTo(32)).body("items[0].placesLeft", equalTo(12));

        Map<String, Object> backwards = series(friday, 1);
        backwards.put("to", "16:00");
        api(admin()).contentType(ContentType.JSON).body(backwards).post("/api/v1/pickup-slots/series")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void membersSeePlacesLeftAndJoinTheWaitlistOfAFullSlotThenGetTheFreedPlace() {
        String bread = product("Pain aux noix", 480, 1, 100);
        String slot = slot(1, 20);
        String first = activeMember("Première");
        String second = activeMember("Seconde");
        String third = activeMember("Troisième");
        String orderId = api(first).contentType(ContentType.JSON).body(order(slot, bread, 1)).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");

        api(second).get("/api/v1/pickup-slots/" + slot).then().statusCode(200)
                .body("placesLeft", equalTo(0)).body("orderable", equalTo(false));
        api(second).contentType(ContentType.JSON).body(order(slot, bread, 1)).post("/api/v1/orders")
                .then().statusCode(409).body("detail", containsString("complet"));
        api(second).post("/api/v1/pickup-slots/" + slot + "/waitlist").then().statusCode(201)
                .body("position", equalTo(1)).body("status", equalTo("WAITING"));
        api(third).post("/api/v1/pickup-slots/" + slot + "/waitlist").then().statusCode(201)
                .body("position", equalTo(2));

        api(first).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/orders/" + orderId + "/cancel")
                .then().statusCode(200);
        // The freed place is kept for the first in line: nobody else can take it.
        api(second).get("/api/v1/pickup-slots/" + slot).then().body("myWaitlist.status", equalTo("OFFERED"))
                .body("orderable", equalTo(true));
        api(third).get("/api/v1/pickup-slots/" + slot).then().body("myWaitlist.status", equalTo("WAITING"))
                .body("placesLeft", equalTo(0));
        api(third).contentType(ContentType.JSON).body(order(slot, bread, 1)).post("/api/v1/orders")
                .then().statusCode(409);
        api(second).contentType(ContentType.JSON).body(order(slot, bread, 1)).post("/api/v1/orders")
                .then().statusCode(201);
        api(second).get("/api/v1/pickup-slots/" + slot).then().body("myWaitlist", nullValue())
                .body("waitlistLength", equalTo(1));
        assertThat(booked(slot)).isEqualTo(1);
    }

    @Test
    void cancellingASlotCancelsItsOrdersWithTheReasonAndGivesStockBack() {
        String cheese = product("Tomme de brebis", 1890, 1, 10);
        String slot = slot(10, 21);
        String member = activeMember("Annulée");
        String orderId = api(member).contentType(ContentType.JSON).body(order(slot, cheese, 3)).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
        api(admin()).contentType(ContentType.JSON).body(Map.of("reason", "Le local est inondé."))
                .post("/api/v1/pickup-slots/" + slot + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("booked", equalTo(0));
        api(member).get("/api/v1/orders/" + orderId).then().body("status", equalTo("CANCELLED"))
                .body("cancelReason", containsString("Le local est inondé."));
        assertThat(stock(cheese)).isEqualTo(10);
        api(member).get("/api/v1/pickup-slots").then().body("items.id", not(hasItem(slot)));
    }

    @Test
    void theDatabaseCountsTheOrdersOfASlotAndRefusesOneBeyondItsCapacity() throws Exception {
        String bread = product("Pain de seigle", 420, 1, 10);
        String slot = slot(2, 22);
        String first = api(activeMember("Un")).contentType(ContentType.JSON).body(order(slot, bread, 1))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        api(activeMember("Deux")).contentType(ContentType.JSON).body(order(slot, bread, 1)).post("/api/v1/orders")
                .then().statusCode(201);

        // Written behind the service's back, a cancelled order gives its place back all the same...
        assertThat(sql("update customer_order set status = 'CANCELLED', cancel_reason = 'test' where id = ?", first))
                .isEqualTo(1);
        assertThat(booked(slot)).isEqualTo(1);
        api(activeMember("Trois")).contentType(ContentType.JSON).body(order(slot, bread, 1)).post("/api/v1/orders")
                .then().statusCode(201);
        assertThat(booked(slot)).isEqualTo(2);
        // ...and an order brought back to life in a full slot is refused by PostgreSQL itself.
        assertThatThrownBy(() -> sql("update customer_order set status = 'PLACED' where id = ?", first))
                .isInstanceOf(SQLException.class).hasMessageContaining("pickup_slot_capacity");
        assertThat(booked(slot)).isEqualTo(2);
    }

    private int sql(String statement, String orderId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setObject(1, UUID.fromString(orderId));
            return s.executeUpdate();
        }
    }

    @Test
    void theCapacityCannotGoBelowTheOrdersTaken() {
        String bread = product("Fougasse", 380, 1, 10);
        String slot = slot(5, 22);
        api(activeMember("Un")).contentType(ContentType.JSON).body(order(slot, bread, 1)).post("/api/v1/orders")
                .then().statusCode(201);
        api(activeMember("Deux")).contentType(ContentType.JSON).body(order(slot, bread, 1)).post("/api/v1/orders")
                .then().statusCode(201);
        Response read = api(admin()).get("/api/v1/pickup-slots/" + slot);
        Map<String, Object> update = Map.of("place", "Marché couvert", "capacity", 1,
                "orderDeadline", read.path("orderDeadline"), "status", "OPEN");
        api(admin()).contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(update)
                .put("/api/v1/pickup-slots/" + slot).then().statusCode(409).body("detail", containsString("2 commandes"));
        Map<String, Object> smaller = new HashMap<>(update);
        smaller.put("capacity", 2);
        api(admin()).contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(smaller)
                .put("/api/v1/pickup-slots/" + slot).then().statusCode(200).body("placesLeft", equalTo(0))
                .body("place", equalTo("Marché couvert"));
        api(admin()).contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(smaller)
                .put("/api/v1/pickup-slots/" + slot).then().statusCode(412);
    }

    @Test
    void anOfferNotTakenInTimeGoesToTheNextMemberWaiting() throws Exception {
        String bread = product("Pain de seigle", 420, 1, 100);
        String slot = slot(1, 23);
        String first = activeMember("Rapide");
        String slow = activeMember("Lente");
        String next = activeMember("Suivante");
        String orderId = api(first).contentType(ContentType.JSON).body(order(slot, bread, 1)).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
        api(slow).post("/api/v1/pickup-slots/" + slot + "/waitlist").then().statusCode(201);
        api(next).post("/api/v1/pickup-slots/" + slot + "/waitlist").then().statusCode(201);
        api(first).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/orders/" + orderId + "/cancel")
                .then().statusCode(200);
        api(slow).get("/api/v1/pickup-slots/" + slot).then().body("myWaitlist.status", equalTo("OFFERED"));

        try (var c = dataSource.getConnection(); var st = c.prepareStatement(
                "update waitlist_entry set offered_until = now() - interval '1 minute' where slot_id = ?::uuid"
                        + " and offered_until is not null")) {
            st.setString(1, slot);
            st.executeUpdate();
        }
        slotService.expireOffers();
        api(slow).get("/api/v1/pickup-slots/" + slot).then().body("myWaitlist", nullValue());
        api(next).get("/api/v1/pickup-slots/" + slot).then().body("myWaitlist.status", equalTo("OFFERED"))
                .body("myWaitlist.position", equalTo(1));
        api(slow).contentType(ContentType.JSON).body(order(slot, bread, 1)).post("/api/v1/orders").then().statusCode(409);
        api(next).contentType(ContentType.JSON).body(order(slot, bread, 1)).post("/api/v1/orders").then().statusCode(201);
    }
}
