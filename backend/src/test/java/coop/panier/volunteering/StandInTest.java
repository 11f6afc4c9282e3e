package coop.panier.volunteering;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.volunteering.ShiftFixtures.memberId;
import static coop.panier.volunteering.ShiftFixtures.race;
import static coop.panier.volunteering.ShiftFixtures.shiftIn;
import static coop.panier.volunteering.ShiftFixtures.signedUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import coop.panier.integrations.MailDeliveries;
import coop.panier.testsupport.Mailbox;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * « Je cherche un remplaçant »: past the withdrawal delay the seat is offered, the first member
 * who takes it signs up in the original member's place, and the original member is released.
 */
@QuarkusTest
class StandInTest extends VolunteeringApiTest {

    private static final String PROBLEMS = "https://panier.coop/problems/";
    private static final Duration THREE_HOURS = Duration.ofHours(3);

    @Inject
    MailDeliveries mails;

    private static String tomorrow(String task, int seats) {
        return shiftIn(task, seats, Duration.ofHours(24), THREE_HOURS);
    }

    private static Response askForStandIn(String token, String shiftId) {
        return api(token).post("/api/v1/shifts/" + shiftId + "/signups/mine/stand-in-request");
    }

    private static Response take(String token, String shiftId) {
        return api(token).post("/api/v1/shifts/" + shiftId + "/stand-ins");
    }

    private static io.restassured.path.json.JsonPath shift(String token, String shiftId) {
        return api(token).get("/api/v1/shifts/" + shiftId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void withdrawingAfterTheDelayIsRefusedAndTheStandInPathWorksInstead() throws Exception {
        String alice = activeMember("Empechee");
        String bruno = activeMember("Remplacant");
        String id = tomorrow("caisse", 1);
        String aliceSignup = signedUp(alice, id);

        api(alice).delete("/api/v1/shifts/" + id + "/signups/mine").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "shift-withdrawal-too-late"));
        askForStandIn(alice, id).then().statusCode(201)
                .header("Location", containsString("/api/v1/shifts/" + id + "/signups/mine/stand-in-request"))
                .body("status", equalTo("OPEN")).body("shiftId", equalTo(id));
        askForStandIn(alice, id).then().statusCode(200)
                .body("status", equalTo("OPEN"));

        var seenByAlice = shift(alice, id);
        assertThat(seenByAlice.getBoolean("signedUp")).isTrue();
        assertThat(java.time.OffsetDateTime.parse(seenByAlice.getString("withdrawUntil")))
                .isEqualTo(java.time.OffsetDateTime.parse(seenByAlice.getString("startsAt")).minusHours(48));
        assertThat(seenByAlice.getBoolean("standInRequested")).isTrue();
        var seenByBruno = shift(bruno, id);
        assertThat(seenByBruno.getInt("freeSeats")).isZero();
        assertThat(seenByBruno.getInt("standInsWanted")).isEqualTo(1);
        assertThat(seenByBruno.getBoolean("standInRequested")).isFalse();
        List<Integer> listed = api(bruno).queryParam("task", "caisse").get("/api/v1/shifts").then().statusCode(200)
                .extract().path("items.findAll { it.id == '" + id + "' }.standInsWanted");
        assertThat(listed).as("in the member's shift list").containsExactly(1);

        take(alice, id).then().statusCode(409)
                .body("detail", containsString("déjà inscrit"));
        String brunoSignup = take(bruno, id).then().statusCode(201)
                .header("Location", containsString("/api/v1/shifts/" + id + "/signups/mine"))
                .body("status", equalTo("SIGNED_UP")).body("memberId", equalTo(memberId(bruno)))
                .extract().path("id");

        assertThat(shift(bruno, id).getBoolean("signedUp")).isTrue();
        var after = shift(alice, id);
        assertThat(after.getBoolean("signedUp")).as("Alice is released").isFalse();
        assertThat(after.getBoolean("standInRequested")).isFalse();
        assertThat(after.getInt("standInsWanted")).isZero();
        assertThat(after.getInt("freeSeats")).isZero();
        assertThat(signupStatus(aliceSignup)).isEqualTo("REPLACED");
        assertThat(signupStatus(brunoSignup)).isEqualTo("SIGNED_UP");
        assertThat(liveAndTaken(id)).containsExactly(1, 1);
        api(alice).delete("/api/v1/shifts/" + id + "/signups/mine").then().statusCode(404);
        take(activeMember("Troisieme"), id).then().statusCode(409).body("detail", containsString("Plus personne"));

        assertThat(events(id)).containsExactly("shift.signed_up " + memberId(alice),
                "shift.stand_in_wanted " + memberId(alice),
                "shift.stand_in_found " + memberId(alice) + " " + memberId(bruno));
        assertThat(mailedFor(id, "shift.stand_in_found")).containsExactly(UUID.fromString(memberId(alice)));
    }

    @Test
    void twoMembersRacingForOneStandInSeatExactlyOneGetsIt() throws Exception {
        String holder = activeMember("Titulaire");
        String id = tomorrow("accueil", 1);
        signedUp(holder, id);
        askForStandIn(holder, id).then().statusCode(201);
        List<String> racers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            racers.add(activeMember("Course" + i));
        }
        List<Integer> statuses = race(racers, token -> take(token, id).statusCode());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(racers.size() - 1);
        assertThat(liveAndTaken(id)).containsExactly(1, 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select status, stand_in_signup_id is not null from shift_stand_in where shift_id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("TAKEN");
                assertThat(r.getBoolean(2)).isTrue();
                assertThat(r.next()).as("one request").isFalse();
            }
        }
        assertThat(events(id)).filteredOn(e -> e.startsWith("shift.stand_in_found")).hasSize(1);
    }

    @Test
    void beforeTheDelayTheMemberWithdrawsAndASeatNobodyTakesStaysTheirs() throws Exception {
        String early = activeMember("Prevoyante");
        String nextWeek = shiftIn("ménage", 2, Duration.ofDays(7), THREE_HOURS);
        signedUp(early, nextWeek);
        askForStandIn(early, nextWeek).then().statusCode(409).body("detail", containsString("désinscrire librement"));

        String member = activeMember("Finalement");
        String id = tomorrow("réception des livraisons", 2);
        signedUp(member, id);
        api(member).delete("/api/v1/shifts/" + id + "/signups/mine/stand-in-request").then().statusCode(404);
        askForStandIn(member, id).then().statusCode(201);
        api(member).delete("/api/v1/shifts/" + id + "/signups/mine/stand-in-request").then().statusCode(204);
        api(member).delete("/api/v1/shifts/" + id + "/signups/mine/stand-in-request").then().statusCode(404);
        var seen = shift(member, id);
        assertThat(seen.getBoolean("signedUp")).as("the seat stays theirs").isTrue();
        assertThat(seen.getInt("standInsWanted")).isZero();
        take(activeMember("Tropttard"), id).then().statusCode(409);
        assertThat(liveAndTaken(id)).containsExactly(1, 1);

        String stranger = activeMember("Pasinscrit");
        askForStandIn(stranger, id).then().statusCode(404);
        askForStandIn(stranger, UUID.randomUUID().toString()).then().statusCode(404);
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstTaking() {
        String holder = activeMember("Cle");
        String id = tomorrow("caisse", 2);
        signedUp(holder, id);
        askForStandIn(holder, id).then().statusCode(201);
        String taker = activeMember("Reessaie");
        String key = "prise-" + UUID.randomUUID();
        String first = api(taker).header("Idempotency-Key", key).post("/api/v1/shifts/" + id + "/stand-ins").then()
                .statusCode(201).extract().path("id");
        api(taker).header("Idempotency-Key", key).post("/api/v1/shifts/" + id + "/stand-ins").then().statusCode(201)
                .body("id", equalTo(first));
        api(activeMember("Autre")).header("Idempotency-Key", key).post("/api/v1/shifts/" + id + "/stand-ins").then()
                .statusCode(422).body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        assertThat(shift(admin(), id).getInt("freeSeats")).isEqualTo(1);
    }

    @Test
    void theCallForAStandInIsMailedToActiveMembersNotOnTheShiftWhoWantIt() throws Exception {
        TestPerson willing = TestPerson.random("Volontaire", "Benevole");
        TestPerson unwilling = TestPerson.random("Occupee", "Benevole");
        String willingToken = activeMember(willing);
        String unwillingToken = activeMember(unwilling);
        var me = api(unwillingToken).get("/api/v1/me");
        api(unwillingToken).contentType(ContentType.JSON).header("If-Match", me.header("ETag"))
                .body(Map.of("preferences", Map.of("language", "fr", "volunteerOffers", false))).put("/api/v1/me")
                .then().statusCode(200).body("preferences.volunteerOffers", equalTo(false))
                .body("preferences.pickupReminder", equalTo(true));
        String holder = activeMember("Demandeuse");
        String colleague = activeMember("Collegue");
        String id = tomorrow("préparation du drive", 2);
        signedUp(holder, id);
        signedUp(colleague, id);
        askForStandIn(holder, id).then().statusCode(201);

        List<UUID> told = mailedFor(id, "shift.stand_in_wanted");
        assertThat(told).contains(UUID.fromString(memberId(willingToken)))
                .doesNotContain(UUID.fromString(memberId(unwillingToken)), UUID.fromString(memberId(holder)),
                        UUID.fromString(memberId(colleague)));

        Mailbox.sendAll(mails);
        var mail = Mailbox.only(willing.email(), "Remplaçant·e cherché·e : préparation du drive");
        assertThat(Mailbox.text(mail)).contains("Local de la coop").contains("Remplacer").contains("/benevolat")
                .contains("Mon compte");
        assertThat(Mailbox.subjects(unwilling.email())).noneMatch(s -> s.contains("préparation du drive"));
    }

    @Test
    void theDatabaseKeepsARequestTakenOnceAndAReplacedSeatReleased() throws Exception {
        String holder = activeMember("Base");
        String id = tomorrow("ménage", 2);
        String original = signedUp(holder, id);
        askForStandIn(holder, id).then().statusCode(201);
        String standIn = take(activeMember("Prend"), id).then().statusCode(201).extract().path("id");
        String other = signedUp(activeMember("Encore"), id);
        try (Connection c = dataSource.getConnection()) {
            assertThatThrownBy(() -> update(c, "update shift_stand_in set status = 'OPEN', closed_at = null,"
                    + " stand_in_signup_id = null where shift_id = ?", id)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("stays closed");
            assertThatThrownBy(() -> update(c, "update shift_stand_in set stand_in_signup_id = '" + other
                    + "' where shift_id = ?", id)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> update(c, "update shift_signup set status = 'SIGNED_UP', replaced_at = null"
                    + " where id = ?", original)).isInstanceOf(SQLException.class).hasMessageContaining("stays replaced");
            assertThatThrownBy(() -> update(c, "insert into shift_stand_in (id, shift_id, signup_id, requested_at)"
                    + " values (gen_random_uuid(), '" + id + "', ?, now())", original))
                    .as("a released seat cannot be offered").isInstanceOf(SQLException.class);
        }
        assertThat(signupStatus(standIn)).isEqualTo("SIGNED_UP");
        assertThat(liveAndTaken(id)).containsExactly(2, 2);
    }

    private void update(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            s.executeUpdate();
        }
    }

    private String signupStatus(String signupId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select status from shift_signup where id = ?")) {
            s.setObject(1, UUID.fromString(signupId));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private List<Integer> liveAndTaken(String shiftId) throws SQLException {
        return ShiftFixtures.liveAndTaken(dataSource, shiftId);
    }

    /** The shift's events in order, each with the members its payload names. */
    private List<String> events(String shiftId) throws SQLException {
        return ShiftFixtures.shiftEvents(dataSource,
                "concat_ws(' ', type, payload ->> 'memberId', payload ->> 'standInMemberId')", shiftId);
    }

    private List<UUID> mailedFor(String shiftId, String type) throws SQLException {
        return ShiftFixtures.mailedFor(dataSource, shiftId, type);
    }
}
