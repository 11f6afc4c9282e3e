package coop.panier.volunteering;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.testsupport.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Templates generate their shifts at the co-op's local times (across clock changes), weekly or
 * one week in four, once per template and day however often and however concurrently the job
 * runs; their regular seat holders are signed up in each; a change moves the shifts nobody chose.
 */
@QuarkusTest
class ShiftTemplateTest extends VolunteeringApiTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @Inject
    ShiftGenerator generator;

    private static Map<String, Object> template(String weekday, String from, String to, int seats) {
        Map<String, Object> body = new HashMap<>(Map.of("task", "caisse", "place", "Local de la coop", "weekday", weekday,
                "startTime", from, "endTime", to, "seats", seats, "recurrence", "WEEKLY"));
        return body;
    }

    private static Response create(Map<String, Object> body) {
        return api(admin()).contentType(ContentType.JSON).body(body).post("/api/v1/shift-templates");
    }

    private static String created(Map<String, Object> body) {
        return create(body).then().statusCode(201).header("ETag", equalTo("\"0\"")).extract().path("id");
    }

    /** The template's open shifts, by start: id, local start and end, as the API gives them. */
    private List<String[]> shifts(String templateId) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select id, occurs_on from shift where template_id = ? and status = 'OPEN' order by starts_at")) {
            s.setObject(1, UUID.fromString(templateId));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getString(1);
                    Response shift = api(admin()).get("/api/v1/shifts/" + id);
                    found.add(new String[] { id, shift.path("startsAt"), shift.path("endsAt"), r.getString(2) });
                }
            }
        }
        return found;
    }

    private static Instant paris(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    @Test
    void aWeeklyTemplateGeneratesItsShiftsAtTheSameLocalHoursAcrossAClockChange() throws Exception {
        String id = created(template("WEDNESDAY", "17:00", "19:00", 3));
        List<String[]> now = shifts(id);
        assertThat(now).hasSize(8);
        assertThat(now).allSatisfy(s -> assertThat(LocalDate.parse(s[3]).getDayOfWeek().name()).isEqualTo("WEDNESDAY"));

        // Clocks go forward in Paris on Sunday 28 March 2027: 17:00 is UTC+1 before, UTC+2 after.
        generator.run(paris("2027-03-15T08:00"));
        List<String> starts = shifts(id).stream().map(s -> s[1]).toList();
        assertThat(starts).contains("2027-03-24T17:00:00+01:00", "2027-03-31T17:00:00+02:00");
        assertThat(shifts(id).stream().filter(s -> s[1].equals("2027-03-31T17:00:00+02:00")).findFirst().orElseThrow()[2])
                .isEqualTo("2027-03-31T19:00:00+02:00");
        // 15 March to 10 May (8 weeks): eight Wednesdays, from the 17th.
        assertThat(starts).filteredOn(s -> s.compareTo("2027-03-15") > 0).hasSize(8);
        api(activeMember("Lecteur")).get("/api/v1/shifts/" + shifts(id).get(0)[0]).then()
                .body("templateId", equalTo(id)).body("task", equalTo("caisse"));
    }

    @Test
    void anAbcdTemplateGeneratesOneWeekInFourAndShowsItsLetterAcrossAClockChange() throws Exception {
        Response cycle = api(admin()).get("/api/v1/shift-cycle");
        String before = cycle.path("startsOn");
        api(admin()).contentType(ContentType.JSON).header("If-Match", cycle.header("ETag"))
                .body(Map.of("startsOn", "2027-03-01")).put("/api/v1/shift-cycle").then().statusCode(200)
                .body("startsOn", equalTo("2027-03-01"));
        try {
            Map<String, Object> body = template("WEDNESDAY", "17:00", "19:00", 2);
            body.put("recurrence", "CYCLE");
            body.put("cycleWeek", "B");
            String id = created(body);
            api(admin()).get("/api/v1/shift-cycle").then().body("inUse", equalTo(true));
            assertThat(shifts(id)).hasSize(2);

            // 8 March is week B (1 March is A); clocks change on 28 March; 5 April is B again.
            generator.run(paris("2027-03-08T08:00"));
            List<String[]> shifts = shifts(id).stream().filter(s -> s[3].compareTo("2027-03-08") >= 0).toList();
            assertThat(shifts).extracting(s -> s[1]).containsExactly("2027-03-10T17:00:00+01:00",
                    "2027-04-07T17:00:00+02:00");
            api(activeMember("Lettre")).get("/api/v1/shifts/" + shifts.get(1)[0]).then().statusCode(200)
                    .body("cycleWeek", equalTo("B")).body("templateId", equalTo(id));
            api(admin()).delete("/api/v1/shift-templates/" + id).then().statusCode(204);
        } finally {
            Response now = api(admin()).get("/api/v1/shift-cycle");
            api(admin()).contentType(ContentType.JSON).header("If-Match", now.header("ETag"))
                    .body(Map.of("startsOn", before)).put("/api/v1/shift-cycle").then().statusCode(200);
        }
    }

    @Test
    void theCycleStartsOnAMondayAndIsChangedWithItsVersion() {
        Response cycle = api(activeMember("Cycle")).get("/api/v1/shift-cycle");
        cycle.then().statusCode(200);
        api(admin()).contentType(ContentType.JSON).header("If-Match", cycle.header("ETag"))
                .body(Map.of("startsOn", "2027-03-03")).put("/api/v1/shift-cycle").then().statusCode(400)
                .body("errors[0].field", equalTo("startsOn"));
        api(admin()).contentType(ContentType.JSON).header("If-Match", "\"999\"")
                .body(Map.of("startsOn", "2027-03-01")).put("/api/v1/shift-cycle").then().statusCode(412);
    }

    @Test
    void theJobRunTwiceOrAtOnceGeneratesEachShiftOnce() throws Exception {
        String id = created(template("THURSDAY", "09:00", "12:00", 2));
        Instant later = paris("2027-06-01T08:00");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<ShiftGenerator.Outcome> outcomes = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ShiftGenerator.Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<ShiftGenerator.Outcome> call = () -> {
                    start.await();
                    return generator.run(later);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            for (Future<ShiftGenerator.Outcome> f : futures) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(outcomes).extracting(ShiftGenerator.Outcome::created).contains(0);
        generator.run(later);
        List<String[]> june = shifts(id).stream().filter(s -> s[3].compareTo("2027-06-01") >= 0).toList();
        assertThat(june).hasSize(8);
        assertThat(june.stream().map(s -> s[3]).distinct()).hasSize(8);

        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into shift (id, task, place, starts_at, ends_at, seats, template_id, occurs_on)
                select gen_random_uuid(), task, place, starts_at, ends_at, seats, template_id, occurs_on
                from shift where id = ?""")) {
            s.setObject(1, UUID.fromString(june.get(0)[0]));
            assertThatThrownBy(s::executeUpdate).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"))
                    .hasMessageContaining("shift_one_per_template_day");
        }
    }

    @Test
    void aRegularSeatHolderIsSignedUpInEachShiftAndMayWithdrawFromOne() throws Exception {
        String id = created(template("FRIDAY", "17:00", "19:00", 2));
        String token = activeMember("Reguliere");
        String member = ShiftFixtures.memberId(token);
        api(token).get("/api/v1/me/volunteering").then().body("kind", equalTo("VOLANT"));

        api(admin()).contentType(ContentType.JSON).body(Map.of("memberId", member))
                .post("/api/v1/shift-templates/" + id + "/regular-seats").then().statusCode(201)
                .header("Location", containsString("/regular-seats/" + member)).body("notSignedUpOn", equalTo(List.of()));
        api(admin()).contentType(ContentType.JSON).body(Map.of("memberId", member))
                .post("/api/v1/shift-templates/" + id + "/regular-seats").then().statusCode(409);
        api(admin()).get("/api/v1/shift-templates/" + id + "/regular-seats").then().body("items.memberId",
                equalTo(List.of(member)));
        api(admin()).get("/api/v1/shift-templates/" + id).then().body("regularSeats", equalTo(1));

        List<String[]> shifts = shifts(id);
        assertThat(shifts).hasSize(8);
        for (String[] s : shifts) {
            api(token).get("/api/v1/shifts/" + s[0]).then().body("signedUp", equalTo(true)).body("freeSeats", equalTo(1));
        }
        // Shifts generated later sign them up too.
        generator.run(paris("2027-06-01T08:00"));
        String june = shifts(id).stream().filter(s -> s[1].startsWith("2027-06")).findFirst().orElseThrow()[0];
        api(token).get("/api/v1/shifts/" + june).then().body("signedUp", equalTo(true)).body("freeSeats", equalTo(1));

        api(token).get("/api/v1/me/volunteering").then().statusCode(200).body("kind", equalTo("REGULAR"))
                .body("regularSeats[0].templateId", equalTo(id)).body("regularSeats[0].weekday", equalTo("FRIDAY"))
                .body("regularSeats[0].startTime", equalTo("17:00"));

        // One date off, under the usual rules.
        String last = shifts.get(shifts.size() - 1)[0];
        api(token).delete("/api/v1/shifts/" + last + "/signups/mine").then().statusCode(204);
        api(token).get("/api/v1/shifts/" + last).then().body("signedUp", equalTo(false)).body("freeSeats", equalTo(2));

        // Someone else cannot end their seat; they can.
        api(activeMember("Autre")).delete("/api/v1/shift-templates/" + id + "/regular-seats/" + member).then()
                .statusCode(404);
        api(token).delete("/api/v1/shift-templates/" + id + "/regular-seats/" + member).then().statusCode(204);
        api(token).get("/api/v1/me/volunteering").then().body("kind", equalTo("VOLANT"));
        api(token).get("/api/v1/shifts/" + june).then().body("signedUp", equalTo(false)).body("freeSeats", equalTo(2));
    }

    @Test
    void aTemplateHasNoMoreRegularSeatsThanSeatsAndPostgresAgrees() throws Exception {
        String id = created(template("SATURDAY", "10:00", "12:00", 1));
        String first = ShiftFixtures.memberId(activeMember("Fixe1"));
        String second = ShiftFixtures.memberId(activeMember("Fixe2"));
        api(admin()).contentType(ContentType.JSON).body(Map.of("memberId", first))
                .post("/api/v1/shift-templates/" + id + "/regular-seats").then().statusCode(201);
        api(admin()).contentType(ContentType.JSON).body(Map.of("memberId", second))
                .post("/api/v1/shift-templates/" + id + "/regular-seats").then().statusCode(409)
                .body("detail", containsString("places fixes"));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into shift_regular_seat (template_id, member_id) values (?, ?)")) {
            s.setObject(1, UUID.fromString(id));
            s.setObject(2, UUID.fromString(second));
            assertThatThrownBy(s::executeUpdate).isInstanceOf(SQLException.class)
                    .hasMessageContaining("shift_template_regular_within");
        }
    }

    @Test
    void aChangedTemplateMovesTheShiftsNobodyChoseAndKeepsTheOthers() throws Exception {
        String id = created(template("TUESDAY", "17:00", "19:00", 3));
        String regular = activeMember("Titulaire");
        api(admin()).contentType(ContentType.JSON).body(Map.of("memberId", ShiftFixtures.memberId(regular)))
                .post("/api/v1/shift-templates/" + id + "/regular-seats").then().statusCode(201);
        List<String[]> before = shifts(id);
        String chosen = before.get(2)[0];
        String volant = activeMember("Volante");
        api(volant).post("/api/v1/shifts/" + chosen + "/signups").then().statusCode(201);

        Response read = api(admin()).get("/api/v1/shift-templates/" + id);
        Map<String, Object> body = template("TUESDAY", "18:00", "20:00", 4);
        api(admin()).contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(body)
                .put("/api/v1/shift-templates/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("startTime", equalTo("18:00")).body("keptShifts.shiftId", equalTo(List.of(chosen)))
                .body("keptShifts[0].signedUp", equalTo(2));
        api(admin()).contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(body)
                .put("/api/v1/shift-templates/" + id).then().statusCode(412);

        for (String[] s : shifts(id)) {
            Response shift = api(regular).get("/api/v1/shifts/" + s[0]);
            shift.then().body("signedUp", equalTo(true));
            if (s[0].equals(chosen)) {
                assertThat(OffsetDateTime.parse(shift.path("startsAt")).atZoneSameInstant(ZONE).getHour()).isEqualTo(17);
                shift.then().body("seats", equalTo(3));
            } else {
                assertThat(OffsetDateTime.parse(shift.path("startsAt")).atZoneSameInstant(ZONE).getHour()).isEqualTo(18);
                shift.then().body("seats", equalTo(4)).body("freeSeats", equalTo(3));
            }
        }

        // Another weekday: the shifts nobody chose are cancelled and come back on Thursdays.
        Response again = api(admin()).get("/api/v1/shift-templates/" + id);
        api(admin()).contentType(ContentType.JSON).header("If-Match", again.header("ETag"))
                .body(template("THURSDAY", "18:00", "20:00", 4)).put("/api/v1/shift-templates/" + id).then()
                .statusCode(200);
        List<String[]> after = shifts(id);
        assertThat(after).filteredOn(s -> !s[0].equals(chosen))
                .allSatisfy(s -> assertThat(LocalDate.parse(s[3]).getDayOfWeek().name()).isEqualTo("THURSDAY"));
        assertThat(after).extracting(s -> s[0]).contains(chosen);
        api(volant).get("/api/v1/shifts/" + before.get(0)[0]).then().body("status", equalTo("CANCELLED"));

        // Ended: the kept shift stays, the others are cancelled.
        api(admin()).delete("/api/v1/shift-templates/" + id).then().statusCode(204);
        assertThat(shifts(id)).extracting(s -> s[0]).containsExactly(chosen);
        api(admin()).get("/api/v1/shift-templates/" + id).then().statusCode(404);
        api(regular).get("/api/v1/me/volunteering").then().body("kind", equalTo("VOLANT"));
    }

    @Test
    void aRetriedCreationUnderTheSameKeyGivesTheFirstTemplateNotASecondWeek() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = template("MONDAY", "08:00", "10:00", 2);
        String first = api(admin()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/shift-templates").then().statusCode(201).extract().path("id");
        api(admin()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/shift-templates").then().statusCode(201).body("id", equalTo(first));
        assertThat(shifts(first)).hasSize(8);
        body.put("seats", 3);
        api(admin()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/shift-templates").then().statusCode(422)
                .body("type", equalTo("https://panier.coop/problems/idempotency-key-reused"));
    }

    @Test
    void aTemplateSaysWhatIsWrongWithIt() {
        Map<String, Object> body = template("MONDAY", "17:00", "19:00", 2);
        body.put("task", "jardinage");
        create(body).then().statusCode(400).body("errors[0].field", equalTo("task"));
        body = template("MONDAY", "19:00", "17:00", 2);
        create(body).then().statusCode(400).body("errors[0].field", equalTo("endTime"));
        body = template("MONDAY", "17:00", "19:00", 2);
        body.put("recurrence", "CYCLE");
        create(body).then().statusCode(400).body("errors[0].field", equalTo("cycleWeek"));
        body = template("MONDAY", "17:00", "19:00", 2);
        body.put("cycleWeek", "A");
        create(body).then().statusCode(400).body("errors[0].field", equalTo("cycleWeek"));
        body = template("MONDAY", "17:00", "19:00", 2);
        body.put("skilledSeats", List.of(Map.of("skillId", SkilledSeatTest.skill("caisse formée"), "seats", 3)));
        create(body).then().statusCode(400).body("errors[0].field", equalTo("skilledSeats"));
    }

    @Test
    void regularSeatsRequiringASkillGoToItsHolders() throws Exception {
        String skill = SkilledSeatTest.skill("caisse formée");
        Map<String, Object> body = template("SUNDAY", "10:00", "12:00", 2);
        body.put("skilledSeats", List.of(Map.of("skillId", skill, "seats", 1)));
        String id = created(body);
        String untrained = ShiftFixtures.memberId(activeMember("SansFormation"));
        String other = ShiftFixtures.memberId(activeMember("SansFormation2"));
        String trainedToken = activeMember("AvecFormation");
        String trained = ShiftFixtures.memberId(trainedToken);
        SkilledSeatTest.grant(trained, skill);
        api(admin()).contentType(ContentType.JSON).body(Map.of("memberId", untrained))
                .post("/api/v1/shift-templates/" + id + "/regular-seats").then().statusCode(201);
        api(admin()).contentType(ContentType.JSON).body(Map.of("memberId", other))
                .post("/api/v1/shift-templates/" + id + "/regular-seats").then().statusCode(409)
                .body("detail", containsString("compétence"));
        api(admin()).contentType(ContentType.JSON).body(Map.of("memberId", trained))
                .post("/api/v1/shift-templates/" + id + "/regular-seats").then().statusCode(201);
        String first = shifts(id).get(0)[0];
        api(trainedToken).get("/api/v1/shifts/" + first).then().body("signedUp", equalTo(true))
                .body("freeSeats", equalTo(0)).body("skilledSeats[0].freeSeats", equalTo(0));
    }
}
