package coop.panier.memberships;

import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.DatabaseDump;
import coop.panier.testsupport.LogCapture;
import coop.panier.testsupport.Tokens;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class MembershipTest extends ApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    @Inject
    MembershipScaleRepository scales;

    @Inject
    DataSource dataSource;

    @Inject
    SessionFactory sessions;

    @BeforeEach
    void aScaleIsInForceToday() {
        TestScales.ensureOneInForceToday(scales);
    }

    private static Response join(TestPerson person, long income, Integer adults, Integer children, long solidarity) {
        Map<String, Object> body = new HashMap<>();
        body.put("monthlyIncomeCents", income);
        if (adults != null) {
            body.put("household", Map.of("adults", adults, "children", children));
        }
        body.put("solidarityCents", solidarity);
        return api(member(person)).contentType(ContentType.JSON).body(body).post("/api/v1/me/membership");
    }

    private static Response pay(String membershipId, String key, long cents) {
        var request = api(admin()).contentType(ContentType.JSON)
                .body(Map.of("amountCents", cents, "method", "CASH", "paidOn", TODAY.toString()));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/memberships/" + membershipId + "/payments");
    }

    @Test
    void aMemberJoinsTheirNewHouseholdIsCreatedAndTheFeeIsDue() {
        TestPerson alice = TestPerson.random("Alice", "Fournier");
        Response joined = join(alice, 250_000, 2, 2, 500);

        joined.then().statusCode(201)
                .body("bracketCode", equalTo("C"))
                .body("bracketFeeCents", equalTo(4_000))
                .body("solidarityCents", equalTo(500))
                .body("amountDueCents", equalTo(4_500))
                .body("paidCents", equalTo(0))
                .body("leftToPayCents", equalTo(4_500))
                .body("status", equalTo("AWAITING_PAYMENT"))
                .body("periodStart", equalTo(TODAY.toString()))
                .body("periodEnd", equalTo(TODAY.plusYears(1).minusDays(1).toString()))
                .body("declaredOn", equalTo(TODAY.toString()))
                .body("householdName", equalTo("Foyer Fournier"))
                .body("renewableFrom", equalTo(TODAY.plusYears(1).minusDays(1).minusDays(60).toString()));
        String householdId = joined.path("householdId");

        api(member(alice)).get("/api/v1/me").then().body("householdId", equalTo(householdId));
        api(member(alice)).get("/api/v1/households/" + householdId).then().statusCode(200)
                .body("name", equalTo("Foyer Fournier")).body("consumptionUnits", equalTo(2.1f));
        api(member(alice)).get("/api/v1/households/" + householdId + "/ledger").then().statusCode(200)
                .body("items.kind", equalTo(List.of("FEE_DUE", "SOLIDARITY")))
                .body("balanceCents", equalTo(4_500));
    }

    @Test
    void aMemberWithAHouseholdIsQuotedOnItsKnownComposition() {
        TestPerson person = TestPerson.random("Mila", "Perret");
        join(person, 250_000, 2, 2, 0).then().statusCode(201);
        api(member(person)).contentType(ContentType.JSON).body(Map.of("monthlyIncomeCents", 250_000))
                .post("/api/v1/me/membership/quote").then().statusCode(200)
                .body("consumptionUnits", equalTo(2.1f)).body("bracket.code", equalTo("C"));
        api(member(TestPerson.random("Nils", "Sans"))).contentType(ContentType.JSON)
                .body(Map.of("monthlyIncomeCents", 250_000)).post("/api/v1/me/membership/quote")
                .then().statusCode(400).body("errors[0].field", equalTo("household"));
    }

    /** A member of a new one-adult household whose membership, at today's scale, ends on `end`. */
    private String memberWhoseMembershipEndsOn(TestPerson person, LocalDate end) throws Exception {
        String memberId = api(member(person)).get("/api/v1/me").then().statusCode(200).extract().path("id");
        String household = api(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Foyer " + person.lastName(), "adults", 1, "children", 0))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
        api(admin()).put("/api/v1/households/" + household + "/members/" + memberId).then().statusCode(200);
        try (var c = dataSource.getConnection(); var st = c.prepareStatement("""
                insert into membership (id, household_id, scale_id, bracket_code, bracket_fee_cents,
                                        period_start, period_end, declared_on)
                values (gen_random_uuid(), ?::uuid, ?::uuid, 'C', 4000, ?, ?, ?)""")) {
            st.setString(1, household);
            st.setString(2, scales.inForceOn(TODAY).orElseThrow().id.toString());
            st.setObject(3, end.minusYears(1).plusDays(1));
            st.setObject(4, end);
            st.setObject(5, end.minusYears(1).plusDays(1));
            st.executeUpdate();
        }
        return household;
    }

    @Test
    void aRenewalIsChargedWithTheScaleInForceWhenItsPeriodStartsNotTodays() throws Exception {
        TestPerson person = TestPerson.random("Odile", "Garnier");
        memberWhoseMembershipEndsOn(person, TODAY.plusDays(19));
        String next = TestScales.define(TODAY.plusDays(20), TODAY.plusDays(25), 1_100, 2_200, 4_400, 6_600);

        api(member(person)).contentType(ContentType.JSON).body(Map.of("monthlyIncomeCents", 150_000))
                .post("/api/v1/me/membership/quote").then().statusCode(200)
                .body("scaleId", equalTo(next)).body("bracket.code", equalTo("C")).body("feeCents", equalTo(4_400));
        join(person, 150_000, null, null, 0).then().statusCode(201)
                .body("scaleId", equalTo(next))
                .body("bracketCode", equalTo("C"))
                .body("bracketFeeCents", equalTo(4_400))
                .body("amountDueCents", equalTo(4_400))
                .body("periodStart", equalTo(TODAY.plusDays(20).toString()));
    }

    @Test
    void aRenewalStartingWhenNoScaleIsDefinedIsRefusedAndNotPricedWithTodays() throws Exception {
        TestPerson person = TestPerson.random("Paul", "Mercier");
        memberWhoseMembershipEndsOn(person, TODAY.plusDays(49));

        api(member(person)).contentType(ContentType.JSON).body(Map.of("monthlyIncomeCents", 150_000))
                .post("/api/v1/me/membership/quote").then().statusCode(404).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("Aucun barème"));
        join(person, 150_000, null, null, 0).then().statusCode(404).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("Aucun barème"));
    }

    @Test
    void theMembershipsListReadsBalancesAndHouseholdNamesInOneQueryWhateverTheirNumber() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(join(TestPerson.random("Rémi", "Liste" + i), 150_000, 1, 0, 0).path("id"));
        }
        long few = statementsToListMemberships();
        for (int i = 2; i < 20; i++) {
            ids.add(join(TestPerson.random("Rémi", "Liste" + i), 150_000, 1, 0, 0).path("id"));
        }
        pay(ids.get(7), null, 1_500).then().statusCode(201);
        long many = statementsToListMemberships();

        // Other tests' memberships are listed too: every page is read.
        Map<Object, Map<String, Object>> byId = new HashMap<>();
        String cursor = null;
        do {
            var request = api(admin()).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/memberships");
            List<Map<String, Object>> items = page.path("items");
            items.forEach(item -> byId.put(item.get("id"), item));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(ids).allSatisfy(id -> assertThat(byId).containsKey(id));
        assertThat(byId.get(ids.get(7))).containsEntry("householdName", "Foyer Liste7")
                .containsEntry("paidCents", 1_500).containsEntry("leftToPayCents", 2_500);
        assertThat(byId.get(ids.get(19))).containsEntry("householdName", "Foyer Liste19")
                .containsEntry("paidCents", 0).containsEntry("leftToPayCents", 4_000);
        assertThat(many).isEqualTo(few);
    }

    private long statementsToListMemberships() {
        var statistics = sessions.getStatistics();
        statistics.clear();
        api(admin()).queryParam("limit", 200).get("/api/v1/memberships").then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }

    @Test
    void joiningWithoutAHouseholdNeedsItsComposition() {
        join(TestPerson.random("Basile", "Vincent"), 150_000, null, null, 0)
                .then().statusCode(400).body("errors[0].field", equalTo("household"));
    }

    @Test
    void aCurrentMembershipCannotBeRenewedMonthsAhead() {
        TestPerson person = TestPerson.random("Céline", "Roy");
        join(person, 150_000, 1, 0, 0).then().statusCode(201);
        join(person, 150_000, null, null, 0).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void paymentsAreRecordedOncePerKeyAndAFullyPaidMembershipActivatesTheMember() {
        TestPerson person = TestPerson.random("Damien", "Leroy");
        String id = join(person, 150_000, 1, 0, 0).path("id");
        String key = UUID.randomUUID().toString();

        Response first = pay(id, key, 1_500);
        first.then().statusCode(201).body("kind", equalTo("PAYMENT")).body("amountCents", equalTo(-1_500))
                .body("method", equalTo("CASH"));
        pay(id, key, 1_500).then().statusCode(201).body("id", equalTo(first.path("id")));
        pay(id, key, 2_500).then().statusCode(422).contentType("application/problem+json");
        api(admin()).get("/api/v1/memberships/" + id).then()
                .body("paidCents", equalTo(1_500)).body("leftToPayCents", equalTo(2_500))
                .body("status", equalTo("AWAITING_PAYMENT"));
        api(member(person)).get("/api/v1/me").then().body("status", equalTo("PENDING"));

        pay(id, UUID.randomUUID().toString(), 2_500).then().statusCode(201);
        api(member(person)).get("/api/v1/memberships/" + id).then()
                .body("status", equalTo("ACTIVE")).body("leftToPayCents", equalTo(0));
        api(member(person)).get("/api/v1/me").then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void concurrentRetriesOfOnePaymentRecordItOnce() throws Exception {
        TestPerson person = TestPerson.random("Eva", "Gauthier");
        Response joined = join(person, 150_000, 1, 0, 0);
        String id = joined.path("id");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<String>> retries = java.util.Collections.nCopies(20, () -> {
                Response r = pay(id, key, 4_000);
                r.then().statusCode(201);
                return r.path("id");
            });
            List<String> ids = pool.invokeAll(retries).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).distinct().toList();
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        api(admin()).get("/api/v1/households/" + joined.path("householdId") + "/ledger").then()
                .body("items.kind", equalTo(List.of("FEE_DUE", "PAYMENT"))).body("balanceCents", equalTo(0));
    }

    @Test
    void theBalanceFollowsCorrectionsAndWaiversWithoutChangingPastEntries() {
        TestPerson person = TestPerson.random("Fabien", "Masson");
        Response joined = join(person, 150_000, 1, 0, 0);
        String id = joined.path("id");
        String household = joined.path("householdId");
        String typo = pay(id, null, 400).path("id");

        api(admin()).contentType(ContentType.JSON)
                .body(Map.of("correctsEntryId", typo, "amountCents", -3_600, "reason", "Payé 40 €, saisi 4 €"))
                .post("/api/v1/households/" + household + "/ledger/corrections")
                .then().statusCode(201).body("kind", equalTo("CORRECTION")).body("correctsEntryId", equalTo(typo));
        api(admin()).get("/api/v1/households/" + household + "/ledger").then()
                .body("items.amountCents", equalTo(List.of(4_000, -400, -3_600)))
                .body("balanceCents", equalTo(0));
        api(member(person)).get("/api/v1/memberships/" + id).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void aWaiverNeedsAReasonAndCannotExceedWhatIsLeft() {
        TestPerson person = TestPerson.random("Gisèle", "Dumas");
        String id = join(person, 150_000, 1, 0, 0).path("id");
        outsideContract().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("amountCents", 1_000))
                .post("/api/v1/memberships/" + id + "/waivers").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        api(admin()).contentType(ContentType.JSON).body(Map.of("amountCents", 5_000, "reason", "Difficultés"))
                .post("/api/v1/memberships/" + id + "/waivers").then().statusCode(409);
        api(admin()).contentType(ContentType.JSON).body(Map.of("amountCents", 1_000, "reason", "Difficultés"))
                .post("/api/v1/memberships/" + id + "/waivers").then().statusCode(201)
                .body("kind", equalTo("WAIVER")).body("amountCents", equalTo(-1_000));
        api(member(person)).get("/api/v1/memberships/" + id).then().body("leftToPayCents", equalTo(3_000));
    }

    @Test
    void membersSeeOnlyTheirOwnMembershipsAndCannotRecordPayments() {
        TestPerson owner = TestPerson.random("Hélène", "Robert");
        TestPerson other = TestPerson.random("Igor", "Renaud");
        Response joined = join(owner, 150_000, 1, 0, 0);
        String id = joined.path("id");
        join(other, 150_000, 1, 0, 0);

        api(member(other)).get("/api/v1/memberships/" + id).then().statusCode(404);
        api(member(other)).get("/api/v1/households/" + joined.path("householdId") + "/ledger").then().statusCode(404);
        api(member(other)).get("/api/v1/memberships").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)))
                .body("items", org.hamcrest.Matchers.hasSize(1));
        api(member(other)).contentType(ContentType.JSON)
                .body(Map.of("amountCents", 4_000, "method", "CASH", "paidOn", TODAY.toString()))
                .post("/api/v1/memberships/" + id + "/payments").then().statusCode(403);
        outsideContract().get("/api/v1/memberships/" + id).then().statusCode(401);
        api(Tokens.integration(Set.of())).contentType(ContentType.JSON)
                .body(Map.of("monthlyIncomeCents", 100_000)).post("/api/v1/me/membership").then().statusCode(403);
    }

    @Test
    void aScaleInUseCannotChange() {
        join(TestPerson.random("Jade", "Colin"), 150_000, 1, 0, 0).then().statusCode(201);
        Response current = api(admin()).get("/api/v1/membership-scales/current");
        current.then().body("inUse", equalTo(true));
        Map<String, Object> body = new HashMap<>(current.as(Map.class));
        body.remove("id");
        body.remove("currency");
        body.remove("inUse");

        api(admin()).contentType(ContentType.JSON).header("If-Match", current.header("ETag")).body(body)
                .put("/api/v1/membership-scales/" + current.path("id")).then().statusCode(409);
        assertThatThrownBy(() -> {
            try (var c = dataSource.getConnection(); var st = c.createStatement()) {
                st.executeUpdate("update scale_bracket set fee_cents = 0 where scale_id = '" + current.path("id") + "'");
            }
        }).hasMessageContaining("used by memberships and cannot change");
    }

    @Test
    void theLedgerIsAppendOnlyInTheDatabase() {
        String household = join(TestPerson.random("Karl", "Picard"), 150_000, 1, 0, 0).path("householdId");
        assertThatThrownBy(() -> {
            try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                s.executeUpdate("update ledger_entry set amount_cents = 1 where household_id = '" + household + "'");
            }
        }).hasMessageContaining("never changed or deleted");
    }

    @Test
    void theDeclaredIncomeOfAJoinIsNeitherStoredNorLogged() throws Exception {
        long income = 314_159;
        List<String> logged;
        try (LogCapture log = LogCapture.of("")) {
            join(TestPerson.random("Léon", "Brun"), income, 1, 0, 0).then().statusCode(201);
            logged = log.lines();
        }
        assertThat(logged).noneSatisfy(line -> assertThat(line).contains(String.valueOf(income)));
        assertThat(DatabaseDump.of(dataSource)).contains("-- membership", "-- ledger_entry")
                .doesNotContain(String.valueOf(income), "3141.59");
    }
}
