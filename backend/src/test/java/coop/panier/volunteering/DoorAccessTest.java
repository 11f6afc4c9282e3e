package coop.panier.volunteering;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.drive.DriveFixtures.placed;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.drive.DriveFixtures.slot;
import static coop.panier.volunteering.ShiftFixtures.shiftIn;
import static coop.panier.volunteering.ShiftFixtures.signedUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Volunteers at the door without admin rights: a live sign-up on a « préparation du drive » or
 * « accueil » shift opens the pickup screen and the preparation lists from one hour before the
 * shift to one hour after it, and nothing more.
 */
@QuarkusTest
class DoorAccessTest extends VolunteeringApiTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static String soon(String task) {
        return shiftIn(task, 3, Duration.ofMinutes(50), Duration.ofHours(2));
    }

    private static int preparationList(String token, String slotId) {
        return api(token).get("/api/v1/pickup-slots/" + slotId + "/preparation-list").statusCode();
    }

    @Test
    void aMemberAtTheDoorSeesTheSlotsBasketsAndHandsThemOverButNothingMore() {
        String honey = product("Miel de la porte", 800, 1, 20);
        String slotId = slot(20, 3);
        String day = OffsetDateTime.now(ZONE).plusDays(3).toLocalDate().toString();
        String customer = activeMember("Cliente");
        String order = placed(customer, slotId, honey, 1);
        String volunteer = activeMember("Portiere");
        String own = placed(volunteer, slotId, honey, 1);

        assertThat(preparationList(volunteer, slotId)).as("not on a door shift yet").isEqualTo(403);
        api(volunteer).get("/api/v1/me/door-access").then().statusCode(200).body("open", equalTo(false));
        List<String> before = api(volunteer).queryParam("slotId", slotId).get("/api/v1/orders").then().statusCode(200)
                .extract().path("items.id");
        assertThat(before).containsExactly(own);

        String shift = soon("Accueil");
        signedUp(volunteer, shift);

        var access = api(volunteer).get("/api/v1/me/door-access").then().statusCode(200).body("open", equalTo(true))
                .body("shift.shiftId", equalTo(shift)).body("shift.task", equalTo("accueil")).extract().jsonPath();
        assertThat(OffsetDateTime.parse(access.getString("until")))
                .isEqualTo(OffsetDateTime.parse(access.getString("shift.endsAt")).plusHours(1));
        assertThat(OffsetDateTime.parse(access.getString("from")))
                .isEqualTo(OffsetDateTime.parse(access.getString("shift.startsAt")).minusHours(1));

        api(volunteer).get("/api/v1/pickup-slots/" + slotId + "/preparation-list").then().statusCode(200)
                .body("byMember.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        api(volunteer).accept("text/csv").get("/api/v1/pickup-slots/" + slotId + "/preparation-list").then()
                .statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"));
        api(volunteer).get("/api/v1/preparation-lists/" + day).then().statusCode(200);
        List<String> seen = api(volunteer).queryParam("slotId", slotId).get("/api/v1/orders").then().statusCode(200)
                .extract().path("items.id");
        assertThat(seen).contains(order, own);
        List<Object> noShows = api(volunteer).queryParam("day", day).get("/api/v1/orders").then().statusCode(200)
                .extract().path("items.householdNoShows");
        assertThat(noShows).as("admins' knowledge").containsOnlyNulls();
        List<String> mine = api(volunteer).get("/api/v1/orders").then().statusCode(200).extract().path("items.id");
        assertThat(mine).as("without a slot or a day: their own orders").containsExactly(own);

        api(volunteer).contentType(ContentType.JSON).header("Idempotency-Key", "porte-" + UUID.randomUUID())
                .body(Map.of("payment", Map.of("amountCents", 800, "method", "CASH")))
                .post("/api/v1/orders/" + order + "/pickup").then().statusCode(200).body("status", equalTo("PICKED_UP"));

        // Nothing more: the other drive operations stay the admins'.
        api(volunteer).get("/api/v1/orders/" + order).then().statusCode(404);
        api(volunteer).contentType(ContentType.JSON).body(Map.of("status", "PREPARED"))
                .post("/api/v1/orders/" + own + "/status").then().statusCode(403);
        api(volunteer).get("/api/v1/admin/dashboard").then().statusCode(403);
        api(volunteer).get("/api/v1/members").then().statusCode(403);
    }

    @Test
    void onlyDoorTasksOpenTheDoorWhateverTheirCaseOrAccents() throws Exception {
        String slotId = slot(5, 4);
        String cashier = activeMember("Caissiere");
        signedUp(cashier, soon("caisse"));
        assertThat(preparationList(cashier, slotId)).isEqualTo(403);

        String preparer = activeMember("Preparatrice");
        signedUp(preparer, soon("PRÉPARATION  du Drive"));
        assertThat(preparationList(preparer, slotId)).isEqualTo(200);

        String unaccented = activeMember("Sansaccent");
        signedUp(unaccented, soon("preparation du drive"));
        assertThat(preparationList(unaccented, slotId)).isEqualTo(200);
    }

    @Test
    void theDoorClosesAnHourAfterTheShiftAndWithTheSeat() throws Exception {
        String slotId = slot(5, 4);
        Instant now = Instant.now();
        String justEnded = activeMember("Justefini");
        seatOn(justEnded, now.minus(Duration.ofHours(3)), now.minus(Duration.ofMinutes(30)));
        assertThat(preparationList(justEnded, slotId)).as("half an hour after the end").isEqualTo(200);

        String longEnded = activeMember("Fini");
        seatOn(longEnded, now.minus(Duration.ofHours(4)), now.minus(Duration.ofMinutes(70)));
        assertThat(preparationList(longEnded, slotId)).as("over an hour after the end").isEqualTo(403);
        api(longEnded).get("/api/v1/me/door-access").then().statusCode(200).body("open", equalTo(false))
                .body("shift", org.hamcrest.Matchers.nullValue());

        // A seat given to a stand-in gives the door with it.
        String holder = activeMember("Remplacee");
        String shift = soon("accueil");
        signedUp(holder, shift);
        assertThat(preparationList(holder, slotId)).isEqualTo(200);
        api(holder).post("/api/v1/shifts/" + shift + "/signups/mine/stand-in-request").then().statusCode(201);
        String standIn = activeMember("Remplacante");
        api(standIn).post("/api/v1/shifts/" + shift + "/stand-ins").then().statusCode(201);
        assertThat(preparationList(holder, slotId)).isEqualTo(403);
        assertThat(preparationList(standIn, slotId)).isEqualTo(200);
    }

    @Test
    void theNextDoorShiftIsToldBeforeItsWindowOpens() {
        String member = activeMember("Demain");
        String shift = shiftIn("accueil", 2, Duration.ofDays(2), Duration.ofHours(2));
        signedUp(member, shift);
        var access = api(member).get("/api/v1/me/door-access").then().statusCode(200).body("open", equalTo(false))
                .body("shift.shiftId", equalTo(shift)).extract().jsonPath();
        assertThat(OffsetDateTime.parse(access.getString("from")))
                .isEqualTo(OffsetDateTime.parse(access.getString("shift.startsAt")).minusHours(1));
        assertThat(preparationList(member, slot(5, 4))).as("the day before").isEqualTo(403);
    }

    /** A shift already under way or over, with the member's live seat: written directly, as the API takes none. */
    private void seatOn(String token, Instant start, Instant end) throws Exception {
        UUID member = UUID.fromString(api(token).get("/api/v1/me").path("id"));
        UUID shift = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("insert into shift (id, task, place, starts_at, ends_at, seats)"
                    + " values (?, 'accueil', 'Local de la coop', ?, ?, 2)")) {
                s.setObject(1, shift);
                s.setObject(2, java.sql.Timestamp.from(start));
                s.setObject(3, java.sql.Timestamp.from(end));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into shift_signup (id, shift_id, member_id) values (gen_random_uuid(), ?, ?)")) {
                s.setObject(1, shift);
                s.setObject(2, member);
                s.executeUpdate();
            }
        }
    }
}
