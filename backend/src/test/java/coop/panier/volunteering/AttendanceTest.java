package coop.panier.volunteering;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.volunteering.HoursFixtures.account;
import static coop.panier.volunteering.HoursFixtures.as;
import static coop.panier.volunteering.HoursFixtures.ledger;
import static coop.panier.volunteering.HoursFixtures.mark;
import static coop.panier.volunteering.HoursFixtures.me;
import static coop.panier.volunteering.HoursFixtures.query;
import static coop.panier.volunteering.HoursFixtures.shift;
import static coop.panier.volunteering.HoursFixtures.signUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import coop.panier.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** After a shift, its coordinator or an admin marks who came; attendance credits the household once. */
@QuarkusTest
class AttendanceTest extends VolunteeringApiTest {

    @Inject
    Clock clock;

    private Instant inHours(int hours) {
        return clock.instant().plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.MINUTES);
    }

    @Test
    void attendedCreditsTheShiftOnceAndTakingItBackIsACounterEntry() throws Exception {
        String token = activeMember("Presente");
        String household = me(token).getString("householdId");
        Instant start = inHours(2);
        String shift = shift("accueil", start, 150, 3);
        String signup = signUp(token, shift);
        mark(admin(), shift, signup, "ATTENDED").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("pas encore commencé"));

        TestClock.travelTo(start.plus(Duration.ofMinutes(30)));
        mark(admin(), shift, signup, "ATTENDED").then().statusCode(200).body("mark", equalTo("ATTENDED"))
                .body("creditedMinutes", equalTo(150)).body("firstName", equalTo("Presente"));
        mark(admin(), shift, signup, "ATTENDED").then().statusCode(200).body("creditedMinutes", equalTo(150));
        assertThat(ledger(dataSource, household)).containsExactly("SHIFT 150");
        assertThat(account(token).getInt("months[0].creditedMinutes")).isEqualTo(150);

        mark(admin(), shift, signup, "ABSENT").then().statusCode(200).body("mark", equalTo("ABSENT"))
                .body("creditedMinutes", equalTo(0));
        mark(admin(), shift, signup, "EXCUSED").then().statusCode(200).body("creditedMinutes", equalTo(0));
        assertThat(account(token).getInt("months[0].creditedMinutes")).isZero();
        mark(admin(), shift, signup, "ATTENDED").then().statusCode(200).body("creditedMinutes", equalTo(150));
        assertThat(ledger(dataSource, household)).containsExactly("SHIFT 150", "REVERSAL -150", "SHIFT 150");
        assertThat(account(token).getInt("months[0].creditedMinutes")).isEqualTo(150);
        assertThat(query(dataSource, "select payload ->> 'minutes' from domain_event where type = 'hours.credited'"
                + " and subject_id = ? order by seq", UUID.fromString(household))).containsExactly("150", "-150", "150");
    }

    @Test
    void postgresqlKeepsTheLedgerAsWrittenAndOneLiveCreditPerSignup() throws Exception {
        String token = activeMember("Registre");
        String household = me(token).getString("householdId");
        Instant start = inHours(1);
        String shift = shift("caisse", start, 120, 2);
        String signup = signUp(token, shift);
        TestClock.travelTo(start.plus(Duration.ofMinutes(5)));
        mark(admin(), shift, signup, "ATTENDED").then().statusCode(200);
        try (Connection c = dataSource.getConnection()) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "delete from volunteer_credit where household_id = '" + household + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("volunteer_credit_immutable");
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "update volunteer_credit set minutes = 600 where household_id = '" + household + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("volunteer_credit_immutable");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("insert into volunteer_credit (id, household_id,"
                    + " kind, minutes, counts_on, signup_id, recorded_at) values (gen_random_uuid(), '" + household
                    + "', 'SHIFT', 120, current_date, '" + signup + "', now())"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("volunteer_credit_one_live_per_signup");
        }
        assertThat(ledger(dataSource, household)).containsExactly("SHIFT 120");
    }

    @Test
    void twoMarksAtOnceCreditOnce() throws Exception {
        String token = activeMember("Double");
        String household = me(token).getString("householdId");
        Instant start = inHours(1);
        String shift = shift("ménage", start, 90, 2);
        String signup = signUp(token, shift);
        TestClock.travelTo(start.plus(Duration.ofMinutes(100)));
        String coordinator = activeMember("Coordo");
        as(admin()).contentType(ContentType.JSON).body(Map.of("memberId", me(coordinator).getString("id")))
                .put("/api/v1/shifts/" + shift + "/coordinator").then().statusCode(200);
        List<String> markers = List.of(admin(), coordinator, admin(), coordinator);
        List<Integer> statuses = ShiftFixtures.race(markers, marker -> mark(marker, shift, signup, "ATTENDED").statusCode());
        assertThat(statuses).containsOnly(200);
        assertThat(ledger(dataSource, household)).containsExactly("SHIFT 90");
        assertThat(query(dataSource, "select count(*) from domain_event where type = 'hours.credited'"
                + " and subject_id = ?", UUID.fromString(household))).containsExactly("1");
    }

    @Test
    void theCoordinatorKeepsTheSheetOfTheirShiftAndNobodyElseButAdmins() {
        String coordinator = activeMember("Coordinatrice");
        String other = activeMember("Curieux");
        String volunteer = activeMember("Volontaire");
        String withdrawn = activeMember("Desiste");
        Instant start = inHours(24 * 4);
        String shift = shift("réception des livraisons", start, 180, 4);
        String signup = signUp(volunteer, shift);
        signUp(withdrawn, shift);
        as(withdrawn).delete("/api/v1/shifts/" + shift + "/signups/mine").then().statusCode(204);

        as(admin()).contentType(ContentType.JSON).body(Map.of("memberId", UUID.randomUUID().toString()))
                .put("/api/v1/shifts/" + shift + "/coordinator").then().statusCode(404);
        as(admin()).contentType(ContentType.JSON).body(Map.of("memberId", me(coordinator).getString("id")))
                .put("/api/v1/shifts/" + shift + "/coordinator").then().statusCode(200)
                .body("memberName", equalTo("Coordinatrice Drive"));

        TestClock.travelTo(start.plus(Duration.ofMinutes(10)));
        as(coordinator).get("/api/v1/shifts/" + shift + "/attendance").then().statusCode(200)
                .body("open", equalTo(true)).body("creditMinutes", equalTo(180))
                .body("coordinator.memberName", equalTo("Coordinatrice Drive"))
                .body("rows.firstName", org.hamcrest.Matchers.contains("Volontaire"));
        as(other).get("/api/v1/shifts/" + shift + "/attendance").then().statusCode(403)
                .body("detail", containsString("coordonne"));
        mark(other, shift, signup, "ATTENDED").then().statusCode(403);
        mark(coordinator, shift, signup, "ATTENDED").then().statusCode(200).body("creditedMinutes", equalTo(180));
        mark(coordinator, shift, UUID.randomUUID().toString(), "ATTENDED").then().statusCode(404);

        List<Map<String, Object>> mine = as(coordinator).get("/api/v1/volunteering/attendance-sheets").then()
                .statusCode(200).extract().path("items");
        assertThat(mine).singleElement().satisfies(s -> {
            assertThat(s.get("shiftId")).isEqualTo(shift);
            assertThat(s.get("signups")).isEqualTo(1);
            assertThat(s.get("marked")).isEqualTo(1);
        });
        List<String> others = as(other).get("/api/v1/volunteering/attendance-sheets").then().statusCode(200)
                .extract().path("items.shiftId");
        assertThat(others).isEmpty();
        List<String> admins = as(admin()).queryParam("limit", 200).get("/api/v1/volunteering/attendance-sheets").then()
                .statusCode(200).extract().path("items.shiftId");
        assertThat(admins).contains(shift);

        as(admin()).delete("/api/v1/shifts/" + shift + "/coordinator").then().statusCode(204);
        as(coordinator).get("/api/v1/shifts/" + shift + "/attendance").then().statusCode(403);
    }
}
