package coop.panier.volunteering;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.volunteering.HoursFixtures.PROBLEMS;
import static coop.panier.volunteering.HoursFixtures.account;
import static coop.panier.volunteering.HoursFixtures.as;
import static coop.panier.volunteering.HoursFixtures.iso;
import static coop.panier.volunteering.HoursFixtures.ledger;
import static coop.panier.volunteering.HoursFixtures.mark;
import static coop.panier.volunteering.HoursFixtures.me;
import static coop.panier.volunteering.HoursFixtures.rules;
import static coop.panier.volunteering.HoursFixtures.shift;
import static coop.panier.volunteering.HoursFixtures.signUp;
import static coop.panier.volunteering.HoursFixtures.standingEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.drive.DriveFixtures;
import coop.panier.testsupport.TestClock;
import coop.panier.testsupport.Tokens;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The households' hours accounts through the API: hours logged and validated, gifts, pauses and
 * exemptions, the co-op's rule, and the standing moving with the (injected) clock, down to the
 * ordering gate.
 */
@QuarkusTest
class VolunteerHoursTest extends VolunteeringApiTest {

    @Inject
    Clock clock;

    @Inject
    HouseholdStandings standings;

    private LocalDate countingFrom;

    @BeforeEach
    void aScaleAndTheRule() throws Exception {
        countingFrom = HoursFixtures.countingFrom(dataSource);
    }

    @AfterEach
    void theDefaultRule() throws Exception {
        HoursFixtures.restoreRules(dataSource, countingFrom);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Response log(String token, String key, Map<String, Object> body) {
        var request = as(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/me/volunteer-hours");
    }

    private static Response decide(String token, String id, String decision) {
        return as(token).contentType(ContentType.JSON).body(Map.of("decision", decision))
                .post("/api/v1/volunteer-hours/" + id + "/validation");
    }

    private static String referent() {
        return Tokens.person(TestPerson.random("Rémi", "Referent"), Set.of("member", "referent"));
    }

    @Test
    void loggedHoursAreCreditedOnceValidated() throws Exception {
        TestPerson person = TestPerson.random("Miel", "Drive");
        String token = activeMember(person);
        String household = me(token).getString("householdId");
        String key = UUID.randomUUID().toString();
        Map<String, Object> honey = Map.of("doneOn", today().toString(), "minutes", 150,
                "description", "acheté le miel chez le producteur");
        String id = log(token, key, honey).then().statusCode(201).body("status", equalTo("PENDING"))
                .body("memberName", equalTo("Miel Drive")).extract().path("id");
        log(token, key, honey).then().statusCode(201).body("id", equalTo(id));
        log(token, key, Map.of("doneOn", today().toString(), "minutes", 300, "description", "autre chose"))
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        log(token, null, Map.of("doneOn", today().plusDays(1).toString(), "minutes", 60, "description", "demain"))
                .then().statusCode(400).body("errors[0].field", equalTo("doneOn"));
        List<String> mine = as(token).get("/api/v1/me/volunteer-hours/logged").then().statusCode(200)
                .extract().path("items.id");
        assertThat(mine).containsExactly(id);
        List<String> pending = as(referent()).queryParam("limit", 200).get("/api/v1/volunteer-hours").then()
                .statusCode(200).extract().path("items.id");
        assertThat(pending).contains(id);

        decide(token, id, "VALIDATED").then().statusCode(403);
        decide(Tokens.person(person, Set.of("member", "admin")), id, "VALIDATED").then().statusCode(403)
                .body("detail", containsString("votre foyer"));
        decide(referent(), id, "REFUSED").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        decide(referent(), id, "VALIDATED").then().statusCode(200).body("status", equalTo("VALIDATED"));
        decide(admin(), id, "VALIDATED").then().statusCode(200).body("status", equalTo("VALIDATED"));
        as(admin()).contentType(ContentType.JSON).body(Map.of("decision", "REFUSED", "reason", "doublon"))
                .post("/api/v1/volunteer-hours/" + id + "/validation").then().statusCode(409);
        assertThat(ledger(dataSource, household)).containsExactly("LOGGED 150");
        assertThat(account(token).getInt("months[0].creditedMinutes")).isEqualTo(150);
        List<String> validated = as(admin()).queryParam("status", "VALIDATED").queryParam("limit", 200)
                .get("/api/v1/volunteer-hours").then().statusCode(200).extract().path("items.id");
        assertThat(validated).contains(id);
    }

    @Test
    void aGiftIsRecordedOnBothSidesAndOnlyFromASurplus() throws Exception {
        String giver = activeMember("Genereuse");
        String receiver = activeMember("Recoit");
        String receiverNumber = me(receiver).getString("memberNumber");
        String done = log(giver, null, Map.of("doneOn", today().toString(), "minutes", 900,
                "description", "inventaire de fin d'année")).then().statusCode(201).extract().path("id");
        decide(admin(), done, "VALIDATED").then().statusCode(200);
        int giftable = account(giver).getInt("giftableMinutes");
        assertThat(giftable).as("900 done, this month's share owed").isBetween(900 - 180, 900);

        as(giver).contentType(ContentType.JSON).body(Map.of("toMemberNumber", receiverNumber, "minutes", giftable + 1))
                .post("/api/v1/me/volunteer-hours/gifts").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "no-hours-surplus")).body("detail", containsString("au plus"));
        as(giver).contentType(ContentType.JSON).body(Map.of("toMemberNumber", me(giver).getString("memberNumber"),
                "minutes", 60)).post("/api/v1/me/volunteer-hours/gifts").then().statusCode(400);
        as(giver).contentType(ContentType.JSON).body(Map.of("toMemberNumber", "A-99999999", "minutes", 60))
                .post("/api/v1/me/volunteer-hours/gifts").then().statusCode(404);

        String key = UUID.randomUUID().toString();
        Map<String, Object> gift = Map.of("toMemberNumber", receiverNumber, "minutes", 120, "note", "Pour Léa");
        String id = as(giver).contentType(ContentType.JSON).header("Idempotency-Key", key).body(gift)
                .post("/api/v1/me/volunteer-hours/gifts").then().statusCode(201)
                .body("toMemberNumber", equalTo(receiverNumber)).extract().path("id");
        as(giver).contentType(ContentType.JSON).header("Idempotency-Key", key).body(gift)
                .post("/api/v1/me/volunteer-hours/gifts").then().statusCode(201).body("id", equalTo(id));

        JsonPath given = account(giver);
        assertThat(given.getInt("months[0].givenMinutes")).isEqualTo(120);
        assertThat(given.getInt("giftableMinutes")).isEqualTo(giftable - 120);
        JsonPath received = account(receiver);
        assertThat(received.getInt("months[0].receivedMinutes")).isEqualTo(120);
        assertThat(ledger(dataSource, me(giver).getString("householdId"))).containsExactly("LOGGED 900", "GIFT_GIVEN -120");
        assertThat(ledger(dataSource, me(receiver).getString("householdId"))).containsExactly("GIFT_RECEIVED 120");
    }

    @Test
    void theStandingMovesWithTheClockAndEachChangeIsToldOnce() throws Exception {
        LocalDate first = today().withDayOfMonth(1).plusMonths(2);
        rules(Map.of("countingFrom", first.toString()));
        String token = activeMember("Retard");
        String household = me(token).getString("householdId");

        TestClock.travelTo(first.plusDays(9).atTime(10, 0));
        JsonPath september = account(token);
        assertThat(september.getString("standing")).isEqualTo("UP_TO_DATE");
        assertThat(september.getString("sentence")).startsWith("Votre foyer est à jour : il lui reste 3 h à faire d'ici le "
                + HoursTexts.day(YearMonth.from(first).atEndOfMonth()));
        standings.refreshAll();
        assertThat(standingEvents(dataSource, household)).isEmpty();

        TestClock.travelTo(first.plusMonths(1).plusDays(1).atTime(10, 0));
        LocalDate graceEnds = first.plusMonths(1).plusDays(30);
        JsonPath alert = account(token);
        assertThat(alert.getString("standing")).isEqualTo("ALERT");
        assertThat(alert.getString("behindSince")).isEqualTo(YearMonth.from(first).toString());
        assertThat(alert.getString("graceEndsOn")).isEqualTo(graceEnds.toString());
        assertThat(alert.getString("sentence")).startsWith("Il manque 3 h à votre foyer depuis "
                + HoursTexts.month(YearMonth.from(first), today()) + " : ")
                .endsWith(" pour revenir à jour avant le " + HoursTexts.day(graceEnds) + ".");
        standings.refreshAll();
        standings.refreshAll();
        assertThat(standingEvents(dataSource, household)).containsExactly("UP_TO_DATE>ALERT");

        TestClock.travelTo(graceEnds.atTime(10, 0));
        JsonPath suspended = account(token);
        assertThat(suspended.getString("standing")).isEqualTo("SUSPENDED");
        assertThat(suspended.getString("sentence")).startsWith("Votre foyer est suspendu : il lui manque ")
                .contains("au-delà des 30 jours de délai");
        assertThat(suspended.getBoolean("orderingBlocked")).as("the gate is off").isFalse();
        standings.refreshAll();
        assertThat(standingEvents(dataSource, household)).containsExactly("UP_TO_DATE>ALERT", "ALERT>SUSPENDED");

        // A task of the co-op's own, added once (a second time is a 409, as any repeated task).
        as(admin()).contentType(ContentType.JSON).body(Map.of("name", "rattrapage")).post("/api/v1/shift-tasks")
                .then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        Instant start = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        String shift = shift("rattrapage", start, 360, 2);
        assertThat(account(token).getString("sentence")).contains("le créneau « rattrapage » du ");
        String signup = signUp(token, shift);
        assertThat(account(token).getString("sentence")).contains("votre créneau « rattrapage » du ");
        TestClock.travelTo(start.plus(Duration.ofHours(2)));
        mark(admin(), shift, signup, "ATTENDED").then().statusCode(200);
        assertThat(account(token).getString("standing")).isEqualTo("UP_TO_DATE");
        assertThat(standingEvents(dataSource, household)).as("told by the mark itself")
                .containsExactly("UP_TO_DATE>ALERT", "ALERT>SUSPENDED", "SUSPENDED>UP_TO_DATE");
        standings.refreshAll();
        assertThat(standingEvents(dataSource, household)).hasSize(3);
    }

    /** A pickup slot starting in so many days at 17:00 of the (moved) clock; orders close 48 hours before. */
    private String slot(int days) {
        Instant start = today().plusDays(days).atTime(17, 0).atZone(HoursFixtures.ZONE).toInstant();
        return as(admin()).contentType(ContentType.JSON).body(Map.of("place", "Local de la coop", "startsAt", iso(start),
                "endsAt", iso(start.plus(Duration.ofMinutes(30))), "capacity", 10))
                .post("/api/v1/pickup-slots").then().statusCode(201).extract().path("id");
    }

    @Test
    void theOrderingGateIsOffByDefaultAndWhenOnTheOrderSaysTheSentence() {
        LocalDate first = today().withDayOfMonth(1).plusMonths(1);
        JsonPath defaults = as(admin()).get("/api/v1/volunteering/rules").then().statusCode(200).extract().jsonPath();
        assertThat(defaults.getBoolean("orderingGate")).isFalse();
        rules(Map.of("countingFrom", first.toString(), "graceDays", 0));
        String token = activeMember("Commande");
        String bread = DriveFixtures.product("Pain de campagne", 420, 1, 50);
        TestClock.travelTo(first.plusMonths(1).plusDays(2).atTime(9, 0));
        assertThat(account(token).getString("standing")).isEqualTo("SUSPENDED");

        String order = as(token).contentType(ContentType.JSON).body(DriveFixtures.order(slot(4), bread, 1))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");

        rules(Map.of("orderingGate", true));
        JsonPath blocked = account(token);
        assertThat(blocked.getBoolean("orderingBlocked")).isTrue();
        String sentence = blocked.getString("sentence");
        assertThat(sentence).endsWith(" pour revenir à jour et commander de nouveau.");
        as(token).contentType(ContentType.JSON).body(DriveFixtures.order(slot(5), bread, 1)).post("/api/v1/orders")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "volunteer-hours-behind")).body("detail", equalTo(sentence));
        String etag = as(token).get("/api/v1/orders/" + order).header("ETag");
        as(token).contentType(ContentType.JSON).header("If-Match", etag).body(DriveFixtures.order(slot(6), bread, 2))
                .put("/api/v1/orders/" + order).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "volunteer-hours-behind"));
        signUp(token, shift("accueil", clock.instant().plus(Duration.ofDays(3)), 120, 2));

        rules(Map.of("orderingGate", false));
        as(token).contentType(ContentType.JSON).body(DriveFixtures.order(slot(5), bread, 1)).post("/api/v1/orders")
                .then().statusCode(201);
    }

    @Test
    void pausesStayWithinTheCoopsLimitAndExemptionsLiftTheHours() {
        String token = activeMember("Vacances");
        String household = me(token).getString("householdId");
        rules(Map.of("pauseMaxWeeksPerYear", 2));
        LocalDate june = LocalDate.of(today().getYear() + 1, 6, 1);
        String pause = as(token).contentType(ContentType.JSON).body(Map.of("startsOn", june.toString(),
                "endsOn", june.plusDays(6).toString())).post("/api/v1/me/volunteer-pauses").then().statusCode(201)
                .body("declaredByName", equalTo("Vacances Drive")).extract().path("id");
        as(token).contentType(ContentType.JSON).body(Map.of("startsOn", june.plusDays(3).toString(),
                "endsOn", june.plusDays(9).toString())).post("/api/v1/me/volunteer-pauses").then().statusCode(409)
                .body("detail", containsString("couvre déjà"));
        as(token).contentType(ContentType.JSON).body(Map.of("startsOn", june.plusDays(20).toString(),
                "endsOn", june.plusDays(27).toString())).post("/api/v1/me/volunteer-pauses").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "pause-limit")).body("detail", containsString("il lui reste 7 jours"));
        as(token).contentType(ContentType.JSON).body(Map.of("startsOn", today().minusDays(1).toString(),
                "endsOn", today().plusDays(3).toString())).post("/api/v1/me/volunteer-pauses").then().statusCode(400);
        assertThat(account(token).getList("pauses.id", String.class)).containsExactly(pause);
        as(activeMember("Autrui")).delete("/api/v1/me/volunteer-pauses/" + pause).then().statusCode(404);
        as(token).delete("/api/v1/me/volunteer-pauses/" + pause).then().statusCode(204);
        assertThat(account(token).getList("pauses")).isEmpty();

        as(admin()).contentType(ContentType.JSON).body(Map.of("householdId", household, "reason", "OTHER",
                "startsOn", today().toString())).post("/api/v1/volunteering/exemptions").then().statusCode(400)
                .body("errors[0].field", equalTo("note"));
        String exemption = as(admin()).contentType(ContentType.JSON).body(Map.of("householdId", household,
                "reason", "HEALTH", "startsOn", today().toString(), "endsOn", today().plusDays(30).toString()))
                .post("/api/v1/volunteering/exemptions").then().statusCode(201).body("grantedAt", org.hamcrest.Matchers
                        .notNullValue()).extract().path("id");
        JsonPath exempted = account(token);
        assertThat(exempted.getString("standing")).isEqualTo("EXEMPTED");
        assertThat(exempted.getString("sentence")).isEqualTo("Votre foyer est exempté de bénévolat jusqu'au "
                + HoursTexts.day(today().plusDays(30)) + " (santé) : aucune heure ne lui est demandée d'ici là.");
        assertThat(exempted.getList("exemptions.id", String.class)).containsExactly(exemption);
        List<String> listed = as(admin()).queryParam("householdId", household).get("/api/v1/volunteering/exemptions")
                .then().statusCode(200).extract().path("items.id");
        assertThat(listed).containsExactly(exemption);
        as(admin()).delete("/api/v1/volunteering/exemptions/" + exemption).then().statusCode(204);
        as(admin()).delete("/api/v1/volunteering/exemptions/" + exemption).then().statusCode(404);
        assertThat(account(token).getString("standing")).isEqualTo("UP_TO_DATE");
    }

    @Test
    void postgresqlRefusesWhatTheServicesCheckFirst() throws Exception {
        String token = activeMember("Règles");
        JsonPath member = me(token);
        String household = member.getString("householdId");
        rules(Map.of("pauseMaxWeeksPerYear", 1));
        LocalDate june = LocalDate.of(today().getYear() + 1, 6, 1);
        String logged = log(token, null, Map.of("doneOn", today().toString(), "minutes", 60, "description", "vitrine"))
                .then().statusCode(201).extract().path("id");
        String leaver = me(activeMember("Partie")).getString("id");
        String shift = shift("caisse", clock.instant().plus(Duration.ofDays(2)), 120, 2);
        try (java.sql.Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            String pause = "insert into volunteer_pause (id, household_id, declared_by, starts_on, ends_on, declared_at)"
                    + " values (gen_random_uuid(), '" + household + "', '" + member.getString("id") + "', '%s', '%s', now())";
            assertThatThrownBy(() -> s.executeUpdate(pause.formatted(june, june.plusDays(7))))
                    .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("volunteer_pause_limit");
            s.executeUpdate(pause.formatted(june, june.plusDays(6)));
            s.executeUpdate("update volunteer_rules set pause_max_weeks_per_year = 0");
            assertThat(s.executeUpdate("update volunteer_pause set ends_on = '" + june.plusDays(2) + "' where household_id = '"
                    + household + "'")).isOne();
            assertThatThrownBy(() -> s.executeUpdate("insert into volunteer_exemption (id, household_id, reason, starts_on,"
                    + " adults, granted_at) values (gen_random_uuid(), '" + household + "', 'AGE', current_date, 2, now())"))
                    .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("volunteer_cover_adults");
            assertThatThrownBy(() -> s.executeUpdate("update volunteer_logged_hours set status = 'VALIDATED', decided_by = '"
                    + member.getString("id") + "', decided_at = now() where id = '" + logged + "'"))
                    .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("volunteer_logged_hours_own_household");
            s.executeUpdate("update member set status = 'LEFT' where id = '" + leaver + "'");
            assertThatThrownBy(() -> s.executeUpdate("insert into shift_coordinator (shift_id, member_id, named_at)"
                    + " values ('" + shift + "', '" + leaver + "', now())"))
                    .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("shift_coordinator_member");
        }
        decide(referent(), logged, "VALIDATED").then().statusCode(200);
    }

    @Test
    void theRuleIsEditedWithItsVersion() {
        Response read = as(admin()).get("/api/v1/volunteering/rules");
        read.then().statusCode(200).body("kind", equalTo("HOURS_PER_MONTH"))
                .body("minutesPerAdultPerMonth", equalTo(180));
        Map<String, Object> rules = new java.util.HashMap<>(read.jsonPath().getMap(""));
        rules.put("minutesPerAdultPerMonth", 240);
        as(admin()).contentType(ContentType.JSON).body(rules).put("/api/v1/volunteering/rules").then().statusCode(428);
        as(admin()).contentType(ContentType.JSON).header("If-Match", "\"999\"").body(rules)
                .put("/api/v1/volunteering/rules").then().statusCode(412);
        Map<String, Object> wrong = new java.util.HashMap<>(rules);
        wrong.put("suspendAfterMinutes", 0 + 30);
        wrong.put("alertAfterMinutes", 60);
        as(admin()).contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(wrong)
                .put("/api/v1/volunteering/rules").then().statusCode(400);
        String etag = as(admin()).contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(rules)
                .put("/api/v1/volunteering/rules").then().statusCode(200).body("minutesPerAdultPerMonth", equalTo(240))
                .extract().header("ETag");
        assertThat(etag).isNotEqualTo(read.header("ETag"));
        as(activeMember("Lecteur")).get("/api/v1/volunteering/rules").then().statusCode(200)
                .body("minutesPerAdultPerMonth", equalTo(240));
        as(activeMember("Pirate")).contentType(ContentType.JSON).header("If-Match", etag).body(rules)
                .put("/api/v1/volunteering/rules").then().statusCode(403);
    }

    @Test
    void adminsSeeWhoIsBehindAsAListACsvAChartAndACard() {
        LocalDate first = today().withDayOfMonth(1).plusMonths(1);
        rules(Map.of("countingFrom", first.toString()));
        String token = activeMember("Lambin");
        String household = me(token).getString("householdId");
        String neighbour = activeMember("Voisin");
        TestClock.travelTo(first.plusMonths(1).plusDays(3).atTime(9, 0));
        signUp(token, shift("rattrapage", clock.instant().plus(Duration.ofDays(2)), 180, 3));
        String ownSentence = account(token).getString("sentence");
        assertThat(ownSentence).contains("votre créneau « rattrapage » du ");

        // Every household of the test database is behind by now: read the pages until this one.
        List<Map<String, Object>> alerts = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = as(admin()).queryParam("standing", "ALERT").queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/volunteering/balances").then().statusCode(200).extract().jsonPath();
            alerts.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(alerts).anySatisfy(b -> {
            assertThat(b.get("householdId")).isEqualTo(household);
            assertThat(b.get("balanceMinutes")).isEqualTo(-180);
            assertThat((String) b.get("sentence")).startsWith("Il manque 3 h à votre foyer");
            assertThat(b.get("sentence")).as("the list tells what the account tells").isEqualTo(ownSentence);
            assertThat(b.get("members")).isEqualTo(List.of("Lambin Drive"));
        });
        assertThat(alerts).allSatisfy(b -> assertThat(b.get("standing")).isEqualTo("ALERT"));
        List<Integer> balances = alerts.stream().map(b -> (Integer) b.get("balanceMinutes")).toList();
        assertThat(balances).as("the most behind first, across pages").isSorted();
        Response firstPage = as(admin()).queryParam("limit", 1).get("/api/v1/volunteering/balances");
        String next = firstPage.then().statusCode(200).extract().path("nextCursor");
        as(admin()).queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/volunteering/balances").then()
                .statusCode(200);

        String csv = as(admin()).get("/api/v1/volunteering/balances/export").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv).contains("Foyer;Adultes;Adhérents;Situation;Solde (h)").contains(";Lambin Drive;en alerte;-3;");

        List<Map<String, Object>> months = as(admin()).queryParam("months", 3)
                .get("/api/v1/volunteering/hours-per-month").then().statusCode(200).extract().path("items");
        assertThat(months).hasSize(3).last().satisfies(m -> assertThat(m.get("month"))
                .isEqualTo(YearMonth.from(today()).toString()));

        as(admin()).get("/api/v1/admin/dashboard").then().statusCode(200)
                .body("volunteering.behind", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        as(token).get("/api/v1/households/" + household + "/volunteer-hours").then().statusCode(200)
                .body("householdId", equalTo(household));
        as(neighbour).get("/api/v1/households/" + household + "/volunteer-hours").then().statusCode(404);
        as(admin()).get("/api/v1/households/" + household + "/volunteer-hours").then().statusCode(200)
                .body("standing", equalTo("ALERT"));
    }
}
