package coop.panier.volunteering;

import static coop.panier.testsupport.Tokens.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import coop.panier.testsupport.ContractFilter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Shifts, marks, accounts and the co-op's rule, through the API, for the hours tests. */
final class HoursFixtures {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final String PROBLEMS = "https://panier.coop/problems/";

    private HoursFixtures() {
    }

    static RequestSpecification as(String token) {
        return RestAssured.given().filter(ContractFilter.INSTANCE).auth().oauth2(token);
    }

    static String iso(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(instant.atZone(ZONE));
    }

    /** A shift of that task and length from `start`, with seats, published by an admin; its id. */
    static String shift(String task, Instant start, int minutes, int seats) {
        return as(admin()).contentType(ContentType.JSON)
                .body(Map.of("task", task, "place", "Local de la coop", "startsAt", iso(start),
                        "endsAt", iso(start.plusSeconds(60L * minutes)), "seats", seats))
                .post("/api/v1/shifts").then().statusCode(201).extract().path("id");
    }

    /** The member's sign-up for the shift; its id. */
    static String signUp(String token, String shiftId) {
        return as(token).post("/api/v1/shifts/" + shiftId + "/signups").then().statusCode(201).extract().path("id");
    }

    static Response mark(String token, String shiftId, String signupId, String mark) {
        return as(token).contentType(ContentType.JSON).body(Map.of("mark", mark))
                .put("/api/v1/shifts/" + shiftId + "/signups/" + signupId + "/attendance");
    }

    static JsonPath me(String token) {
        return as(token).get("/api/v1/me").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath account(String token) {
        return as(token).get("/api/v1/me/volunteer-hours").then().statusCode(200).extract().jsonPath();
    }

    /** Changes these fields of the co-op's rule, with the version read. */
    static JsonPath rules(Map<String, Object> changes) {
        Response read = as(admin()).get("/api/v1/volunteering/rules");
        Map<String, Object> rules = new HashMap<>(read.then().statusCode(200).extract().jsonPath().getMap(""));
        rules.putAll(changes);
        return as(admin()).contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(rules)
                .put("/api/v1/volunteering/rules").then().statusCode(200).extract().jsonPath();
    }

    /** The co-op's default rule, counting from that day (what the tests found), as each test leaves it. */
    static void restoreRules(DataSource dataSource, java.time.LocalDate countingFrom) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                update volunteer_rules set kind = 'HOURS_PER_MONTH', minutes_per_adult = 180, shifts_per_cycle = 1,
                    shift_minutes = 180, counting_from = ?, grace_days = 30, alert_after_minutes = 0,
                    suspend_after_minutes = 720, ordering_gate = false, pause_max_weeks_per_year = 8""")) {
            s.setObject(1, countingFrom);
            s.executeUpdate();
        }
    }

    static java.time.LocalDate countingFrom(DataSource dataSource) throws SQLException {
        return java.time.LocalDate.parse(query(dataSource, "select counting_from::text from volunteer_rules", null).get(0));
    }

    /** The household's ledger, oldest first, as « KIND minutes ». */
    static List<String> ledger(DataSource dataSource, String householdId) throws SQLException {
        return query(dataSource, "select kind || ' ' || minutes from volunteer_credit where household_id = ?"
                + " order by recorded_at, kind desc", UUID.fromString(householdId));
    }

    /** The standing changes told of the household, oldest first, as « FROM>TO ». */
    static List<String> standingEvents(DataSource dataSource, String householdId) throws SQLException {
        return query(dataSource, "select (payload ->> 'from') || '>' || (payload ->> 'to') from domain_event"
                + " where type = 'household.standing_changed' and subject_id = ? order by seq", UUID.fromString(householdId));
    }

    static List<String> query(DataSource dataSource, String sql, Object parameter) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setObject(1, parameter);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
        }
        return rows;
    }
}
