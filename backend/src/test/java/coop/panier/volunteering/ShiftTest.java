package coop.panier.volunteering;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.volunteering.ShiftFixtures.liveAndTaken;
import static coop.panier.volunteering.ShiftFixtures.race;
import static coop.panier.volunteering.ShiftFixtures.shiftEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ShiftTest extends VolunteeringApiTest {

    private static final String PROBLEMS = "https://panier.coop/problems/";
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** A shift of three hours starting in so many hours, published by an admin. */
    private static String shift(String task, int seats, int hoursAhead) {
        OffsetDateTime start = OffsetDateTime.now(ZONE).plusHours(hoursAhead).withNano(0);
        Response created = api(admin()).contentType(ContentType.JSON)
                .body(Map.of("task", task, "place", "Local de la coop", "startsAt", ShiftFixtures.iso(start),
                        "endsAt", ShiftFixtures.iso(start.plusHours(3)), "seats", seats))
                .post("/api/v1/shifts");
        created.then().statusCode(201).header("ETag", equalTo("\"0\""));
        return created.path("id");
    }

    private static Response signUp(String token, String shiftId) {
        return api(token).post("/api/v1/shifts/" + shiftId + "/signups");
    }

    private static int freeSeats(String token, String shiftId) {
        return api(token).get("/api/v1/shifts/" + shiftId).then().statusCode(200).extract().path("freeSeats");
    }

    @Test
    void aMemberSignsUpInOneTapAndTheFreeSeatsDrop() {
        String token = activeMember("Benevole");
        String id = shift("accueil", 3, 24 * 7);
        assertThat(freeSeats(token, id)).isEqualTo(3);

        signUp(token, id).then().statusCode(201).header("Location", containsString("/api/v1/shifts/" + id))
                .body("shiftId", equalTo(id)).body("status", equalTo("SIGNED_UP"));

        api(token).get("/api/v1/shifts/" + id).then().statusCode(200).body("freeSeats", equalTo(2))
                .body("signedUp", equalTo(true));
        api(admin()).get("/api/v1/shifts/" + id).then().body("signedUp", equalTo(false)).body("freeSeats", equalTo(2));
        String day = OffsetDateTime.now(ZONE).plusHours(24 * 7).atZoneSameInstant(ZONE).toLocalDate().toString();
        List<String> listed = api(token).queryParam("task", "Accueil").queryParam("day", day).get("/api/v1/shifts")
                .then().statusCode(200).extract().path("items.id");
        assertThat(listed).contains(id);
        List<Boolean> mine = api(token).queryParam("task", "ACCUEIL").queryParam("day", day).get("/api/v1/shifts")
                .then().extract().path("items.findAll { it.id == '" + id + "' }.signedUp");
        assertThat(mine).containsExactly(true);
    }

    @Test
    void aMemberListsTheirOwnShiftsApartFromTheOthers() {
        String token = activeMember("Mes Créneaux");
        String held = shift("accueil", 2, 24 * 9);
        String other = shift("accueil", 2, 24 * 9);
        signUp(token, held).then().statusCode(201);

        List<String> mine = api(token).queryParam("mine", true).queryParam("limit", 200).get("/api/v1/shifts")
                .then().statusCode(200).extract().path("items.id");
        assertThat(mine).containsExactly(held);
        List<String> notMine = api(token).queryParam("mine", false).queryParam("limit", 200).get("/api/v1/shifts")
                .then().statusCode(200).extract().path("items.id");
        assertThat(notMine).contains(other).doesNotContain(held);
        List<String> adminsOwn = api(admin()).queryParam("mine", true).get("/api/v1/shifts")
                .then().statusCode(200).extract().path("items.id");
        assertThat(adminsOwn).doesNotContain(held, other);
    }

    @Test
    void aSecondTapIsA409AndTakesNoSecondSeat() {
        String token = activeMember("Double");
        String id = shift("caisse", 3, 24 * 7);
        signUp(token, id).then().statusCode(201);
        signUp(token, id).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("déjà inscrit"));
        assertThat(freeSeats(token, id)).isEqualTo(2);
    }

    @Test
    void aFullShiftRefusesTheNextMember() {
        String id = shift("ménage", 1, 24 * 7);
        signUp(activeMember("Premier"), id).then().statusCode(201);
        signUp(activeMember("Second"), id).then().statusCode(409).body("detail", containsString("complet"));
    }

    @Test
    void aMemberWithdrawsBeforeTheDelayAndTheSeatIsFreeAgain() throws Exception {
        String token = activeMember("Retrait");
        String id = shift("préparation du drive", 2, 24 * 5);
        signUp(token, id).then().statusCode(201);
        api(token).delete("/api/v1/shifts/" + id + "/signups/mine").then().statusCode(204);
        api(token).get("/api/v1/shifts/" + id).then().body("freeSeats", equalTo(2)).body("signedUp", equalTo(false));
        api(token).delete("/api/v1/shifts/" + id + "/signups/mine").then().statusCode(404);
        signUp(token, id).then().statusCode(201);
        assertThat(freeSeats(token, id)).isEqualTo(1);
        assertThat(events(id)).containsExactly("shift.signed_up préparation du drive",
                "shift.withdrawn préparation du drive", "shift.signed_up préparation du drive");
    }

    /** The events told about the shift, in their order, each with the task its payload names. */
    private List<String> events(String shiftId) throws SQLException {
        return shiftEvents(dataSource, "type || ' ' || (payload ->> 'task')", shiftId);
    }

    @Test
    void withdrawingWithin48HoursIsRefusedWithItsOwnTypeAndAsksForAStandIn() {
        String token = activeMember("Tardif");
        String id = shift("réception des livraisons", 2, 24);
        signUp(token, id).then().statusCode(201);
        api(token).delete("/api/v1/shifts/" + id + "/signups/mine").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "shift-withdrawal-too-late"))
                .body("detail", containsString("remplacer"));
        assertThat(freeSeats(token, id)).isEqualTo(1);
    }

    @Test
    void aSuspendedMemberIsRefused() {
        String token = activeMember("Suspendu");
        String memberId = api(token).get("/api/v1/me").path("id");
        String etag = api(admin()).get("/api/v1/members/" + memberId).header("ETag");
        api(admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "SUSPENDED", "reason", "Impayés répétés"))
                .post("/api/v1/members/" + memberId + "/status-changes").then().statusCode(200);
        String id = shift("accueil", 3, 24 * 7);
        signUp(token, id).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "member-suspended"));
        assertThat(freeSeats(admin(), id)).isEqualTo(3);
    }

    @Test
    void tenMembersRacingForThreeSeatsGetExactlyThree() throws Exception {
        String id = shift("caisse", 3, 24 * 7);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tokens.add(activeMember("Course" + i));
        }
        List<Integer> statuses = race(tokens, token -> signUp(token, id).statusCode());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        assertThat(liveAndTaken(dataSource, id)).containsExactly(3, 3);
        assertThat(freeSeats(admin(), id)).isZero();
    }

    @Test
    void theDatabaseRefusesASignupOverTheSeatsWrittenDirectly() throws Exception {
        String id = shift("ménage", 1, 24 * 7);
        UUID first = UUID.fromString(api(activeMember("Direct")).get("/api/v1/me").path("id"));
        UUID second = UUID.fromString(api(activeMember("Indirect")).get("/api/v1/me").path("id"));
        try (Connection c = dataSource.getConnection()) {
            insertSignup(c, id, first);
            assertThatThrownBy(() -> insertSignup(c, id, second)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"))
                    .hasMessageContaining("shift_seats_taken");
        }
        assertThat(freeSeats(admin(), id)).isZero();
    }

    private static void insertSignup(Connection c, String shiftId, UUID memberId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into shift_signup (id, shift_id, member_id) values (gen_random_uuid(), ?, ?)")) {
            s.setObject(1, UUID.fromString(shiftId));
            s.setObject(2, memberId);
            s.executeUpdate();
        }
    }
}
