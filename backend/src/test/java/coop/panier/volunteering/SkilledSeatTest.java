package coop.panier.volunteering;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.volunteering.ShiftFixtures.memberId;
import static coop.panier.volunteering.ShiftFixtures.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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

/** The co-op's tasks and skills, and the seats that require a skill: refused to members without it, by PostgreSQL too. */
@QuarkusTest
class SkilledSeatTest extends VolunteeringApiTest {

    private static final String PROBLEMS = "https://panier.coop/problems/";
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    static String skill(String name) {
        return api(admin()).contentType(ContentType.JSON).body(Map.of("name", name + " " + UUID.randomUUID()))
                .post("/api/v1/skills").then().statusCode(201).extract().path("id");
    }

    static void grant(String memberId, String skillId) {
        api(admin()).put("/api/v1/members/" + memberId + "/skills/" + skillId).then().statusCode(200)
                .body("skillId", equalTo(skillId));
    }

    /** A one-off shift a week ahead, some of its seats requiring the skill. */
    private static String shift(int seats, String skillId, int skilled) {
        return shift(seats, skillId, skilled, 24 * 7);
    }

    private static String shift(int seats, String skillId, int skilled, int hoursAhead) {
        OffsetDateTime start = OffsetDateTime.now(ZONE).plusHours(hoursAhead).withNano(0);
        return api(admin()).contentType(ContentType.JSON)
                .body(Map.of("task", "caisse", "place", "Local de la coop", "startsAt", ShiftFixtures.iso(start),
                        "endsAt", ShiftFixtures.iso(start.plusHours(2)), "seats", seats,
                        "skilledSeats", List.of(Map.of("skillId", skillId, "seats", skilled))))
                .post("/api/v1/shifts").then().statusCode(201).body("skilledSeats[0].seats", equalTo(skilled))
                .extract().path("id");
    }

    private static Response signUp(String token, String shiftId) {
        return api(token).post("/api/v1/shifts/" + shiftId + "/signups");
    }

    @Test
    void theTaskListStartsWithTheIssuesFiveAndAdminsExtendIt() {
        List<String> names = api(activeMember("Taches")).get("/api/v1/shift-tasks").then().statusCode(200)
                .extract().path("items.name");
        assertThat(names).contains("accueil", "caisse", "réception des livraisons", "préparation du drive", "ménage");

        String name = "inventaire " + UUID.randomUUID().toString().substring(0, 8);
        api(admin()).contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/v1/shift-tasks").then()
                .statusCode(201).body("name", equalTo(name));
        api(admin()).contentType(ContentType.JSON).body(Map.of("name", name.toUpperCase())).post("/api/v1/shift-tasks")
                .then().statusCode(409).body("detail", containsString(name));
        api(admin()).get("/api/v1/shift-tasks").then().body("items.name", hasItem(name));
    }

    @Test
    void aShiftNamesATaskOfTheListAsTheListWritesIt() {
        OffsetDateTime start = OffsetDateTime.now(ZONE).plusDays(9).withNano(0);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("task", "ACCUEIL", "place", "Local",
                "startsAt", ShiftFixtures.iso(start), "endsAt", ShiftFixtures.iso(start.plusHours(2)), "seats", 2));
        api(admin()).contentType(ContentType.JSON).body(body).post("/api/v1/shifts").then().statusCode(201)
                .body("task", equalTo("accueil"));
        body.put("task", " Preparation  du DRIVE");
        api(admin()).contentType(ContentType.JSON).body(body).post("/api/v1/shifts").then().statusCode(201)
                .body("task", equalTo("préparation du drive"));
        body.put("task", "jardinage");
        api(admin()).contentType(ContentType.JSON).body(body).post("/api/v1/shifts").then().statusCode(400)
                .body("errors[0].field", equalTo("task")).body("errors[0].message", containsString("jardinage"));
    }

    @Test
    void skillsAreDefinedOnceAndAdminsRecordTheirHolders() {
        String name = "caisse formée " + UUID.randomUUID();
        String id = api(admin()).contentType(ContentType.JSON).body(Map.of("name", name, "description", "Formation faite"))
                .post("/api/v1/skills").then().statusCode(201).body("holders", equalTo(0)).extract().path("id");
        api(admin()).contentType(ContentType.JSON).body(Map.of("name", name.toUpperCase())).post("/api/v1/skills").then()
                .statusCode(409);

        String token = activeMember("Formee");
        String member = memberId(token);
        grant(member, id);
        grant(member, id);
        api(admin()).get("/api/v1/skills").then().body("items.find { it.id == '" + id + "' }.holders", equalTo(1));
        api(admin()).get("/api/v1/skills/" + id + "/holders").then().statusCode(200)
                .body("items.memberId", equalTo(List.of(member))).body("items[0].firstName", equalTo("Formee"));
        api(token).get("/api/v1/me/volunteering").then().statusCode(200).body("kind", equalTo("VOLANT"))
                .body("skills.name", equalTo(List.of(name)));

        api(admin()).delete("/api/v1/members/" + member + "/skills/" + id).then().statusCode(204);
        api(admin()).delete("/api/v1/members/" + member + "/skills/" + id).then().statusCode(404);
        api(token).get("/api/v1/me/volunteering").then().body("skills", equalTo(List.of()));
        api(admin()).put("/api/v1/members/" + UUID.randomUUID() + "/skills/" + id).then().statusCode(404);
    }

    @Test
    void whenOnlySeatsRequiringASkillAreLeftAMemberWithoutItIsRefused() {
        String skill = skill("caisse formée");
        String id = shift(3, skill, 2);
        String first = activeMember("SansCompetence");
        String second = activeMember("SansCompetence2");
        String trained = activeMember("Formee");
        grant(memberId(trained), skill);

        api(first).get("/api/v1/shifts/" + id).then().body("freeSeats", equalTo(3)).body("freeSeatsForYou", equalTo(1))
                .body("skilledSeats[0].held", equalTo(false)).body("skilledSeats[0].freeSeats", equalTo(2));
        api(trained).get("/api/v1/shifts/" + id).then().body("freeSeatsForYou", equalTo(3))
                .body("skilledSeats[0].held", equalTo(true));

        signUp(first, id).then().statusCode(201);
        signUp(second, id).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "shift-skill-required")).body("detail", containsString("caisse formée"));
        signUp(trained, id).then().statusCode(201);
        api(second).get("/api/v1/shifts/" + id).then().body("freeSeats", equalTo(1)).body("freeSeatsForYou", equalTo(0))
                .body("skilledSeats[0].freeSeats", equalTo(1));
    }

    @Test
    void aMemberHoldingTheSkillTakesItsSeatFirstAndLeavesTheOthersToThoseWithout() {
        String skill = skill("premiers secours");
        String id = shift(2, skill, 1);
        String trained = activeMember("Secouriste");
        grant(memberId(trained), skill);
        signUp(trained, id).then().statusCode(201);
        signUp(activeMember("Benevole"), id).then().statusCode(201);
    }

    @Test
    void racingForASeatRequiringASkillOnlyItsHoldersGetThem() throws Exception {
        String skill = skill("caisse formée");
        String id = shift(4, skill, 3);
        List<String> untrained = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            untrained.add(activeMember("Volant" + i));
        }
        List<String> trained = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String token = activeMember("Forme" + i);
            grant(memberId(token), skill);
            trained.add(token);
        }
        List<String> all = new ArrayList<>(untrained);
        all.addAll(trained);
        List<Integer> statuses = race(all, token -> signUp(token, id).statusCode());
        assertThat(statuses.subList(0, 6)).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses.subList(6, 9)).containsOnly(201);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        api(admin()).get("/api/v1/shifts/" + id).then().body("freeSeats", equalTo(0))
                .body("skilledSeats[0].freeSeats", equalTo(0));
    }

    @Test
    void aSeatRequiringASkillOfferedToAStandInGoesOnlyToAHolderOfIt() {
        String skill = skill("caisse formée");
        String id = shift(2, skill, 1, 24);
        signUp(activeMember("Volante"), id).then().statusCode(201);
        String leaving = activeMember("Partante");
        grant(memberId(leaving), skill);
        signUp(leaving, id).then().statusCode(201);
        api(leaving).post("/api/v1/shifts/" + id + "/signups/mine/stand-in-request").then().statusCode(201);

        api(activeMember("NonFormee")).post("/api/v1/shifts/" + id + "/stand-ins").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "shift-skill-required"));
        String trained = activeMember("Remplacante");
        grant(memberId(trained), skill);
        api(trained).post("/api/v1/shifts/" + id + "/stand-ins").then().statusCode(201);
        api(trained).get("/api/v1/shifts/" + id).then().body("signedUp", equalTo(true)).body("freeSeats", equalTo(0))
                .body("skilledSeats[0].freeSeats", equalTo(0));
        api(leaving).get("/api/v1/shifts/" + id).then().body("signedUp", equalTo(false));
    }

    @Test
    void theDatabaseRefusesASeatRequiringASkillToAMemberWithoutIt() throws Exception {
        String skill = skill("caisse formée");
        String id = shift(2, skill, 1);
        UUID first = UUID.fromString(memberId(activeMember("Direct")));
        UUID second = UUID.fromString(memberId(activeMember("Direct2")));
        try (Connection c = dataSource.getConnection()) {
            insertSignup(c, id, first, null);
            assertThatThrownBy(() -> insertSignup(c, id, second, null)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"))
                    .hasMessageContaining("shift_unskilled_seats");
            assertThatThrownBy(() -> insertSignup(c, id, second, UUID.fromString(skill))).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"))
                    .hasMessageContaining("shift_signup_skill_held");
        }
        api(admin()).get("/api/v1/shifts/" + id).then().body("freeSeats", equalTo(1))
                .body("skilledSeats[0].freeSeats", equalTo(1));
    }

    @Test
    void aShiftCannotRequireASkillOfMoreSeatsThanItHasNorAnUnknownOne() {
        String skill = skill("caisse formée");
        OffsetDateTime start = OffsetDateTime.now(ZONE).plusDays(7).withNano(0);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("task", "caisse", "place", "Local",
                "startsAt", ShiftFixtures.iso(start), "endsAt", ShiftFixtures.iso(start.plusHours(2)), "seats", 2,
                "skilledSeats", List.of(Map.of("skillId", skill, "seats", 3))));
        api(admin()).contentType(ContentType.JSON).body(body).post("/api/v1/shifts").then().statusCode(400)
                .body("errors[0].field", equalTo("skilledSeats"));
        body.put("skilledSeats", List.of(Map.of("skillId", UUID.randomUUID().toString(), "seats", 1)));
        api(admin()).contentType(ContentType.JSON).body(body).post("/api/v1/shifts").then().statusCode(400)
                .body("errors[0].field", equalTo("skilledSeats"));
    }

    private static void insertSignup(Connection c, String shiftId, UUID memberId, UUID skillId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into shift_signup (id, shift_id, member_id, skill_id) values (gen_random_uuid(), ?, ?, ?)")) {
            s.setObject(1, UUID.fromString(shiftId));
            s.setObject(2, memberId);
            s.setObject(3, skillId);
            s.executeUpdate();
        }
    }
}
