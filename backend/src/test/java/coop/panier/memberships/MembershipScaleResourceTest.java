package coop.panier.memberships;

import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Tokens;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class MembershipScaleResourceTest extends ApiTest {

    @Inject
    MembershipScaleRepository repository;

    @Inject
    org.hibernate.SessionFactory sessions;

    @Inject
    javax.sql.DataSource dataSource;

    static Map<String, Object> scale(String from, String to) {
        return Map.of("validFrom", from, "validTo", to, "brackets", List.of(
                bracket("A", "Moins de 600 €", 60_000L, 1_000),
                bracket("B", "De 600 à 1 000 €", 100_000L, 2_000),
                bracket("C", "De 1 000 à 1 600 €", 160_000L, 4_000),
                bracket("D", "1 600 € et plus", null, 6_000)));
    }

    static Map<String, Object> bracket(String code, String label, Long bound, long fee) {
        Map<String, Object> b = new HashMap<>();
        b.put("code", code);
        b.put("label", label);
        b.put("upperBoundCents", bound);
        b.put("feeCents", fee);
        return b;
    }

    private static Response create(Map<String, Object> scale) {
        return api(admin()).contentType(ContentType.JSON).body(scale).post("/api/v1/membership-scales");
    }

    @Test
    void theScalesListReadsBracketsAndWhetherEachIsInUseInOneQueryEachWhateverTheirNumber() throws Exception {
        TestScales.ensureOneInForceToday(repository);
        api(member(TestPerson.random("Sacha", "Barème"))).contentType(ContentType.JSON)
                .body(Map.of("monthlyIncomeCents", 150_000, "household", Map.of("adults", 1, "children", 0)))
                .post("/api/v1/me/membership").then().statusCode(201);
        String current = api(admin()).get("/api/v1/membership-scales/current").path("id");
        for (int year = 2200; year < 2202; year++) {
            create(scale(year + "-01-01", year + "-12-31")).then().statusCode(201);
        }
        long few = statementsToListScales();
        for (int year = 2202; year < 2220; year++) {
            create(scale(year + "-01-01", year + "-12-31")).then().statusCode(201);
        }
        long many = statementsToListScales();

        Response page = api(admin()).queryParam("limit", 200).get("/api/v1/membership-scales");
        List<Map<String, Object>> items = page.path("items");
        assertThat(items).filteredOn(s -> s.get("id").equals(current)).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("inUse", true));
        assertThat(items).filteredOn(s -> ((String) s.get("validFrom")).startsWith("22"))
                .hasSize(20).allSatisfy(s -> {
                    assertThat(s).containsEntry("inUse", false);
                    assertThat((List<?>) s.get("brackets")).hasSize(4);
                });
        assertThat(many).isEqualTo(few);
    }

    @Test
    void whetherAScaleIsInUseIsAnsweredByAnIndexOfMembershipsByScale() throws Exception {
        assertThat(coop.panier.testsupport.QueryPlans.definition(dataSource, "membership_by_scale"))
                .endsWith("USING btree (scale_id)");
        assertThat(coop.panier.testsupport.QueryPlans.plan(dataSource,
                "select distinct scale_id from membership where scale_id in (cast(? as uuid))",
                List.of(java.util.UUID.randomUUID().toString()))).contains("membership_by_scale");
    }

    private long statementsToListScales() {
        var statistics = sessions.getStatistics();
        statistics.clear();
        api(admin()).queryParam("limit", 200).get("/api/v1/membership-scales").then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }

    @Test
    void anAdminDefinesAScaleThatEveryoneSignedInCanRead() {
        Response created = create(scale("2101-09-01", "2102-08-31"));
        created.then().statusCode(201)
                .header("Location", endsWith("/api/v1/membership-scales/" + created.path("id")))
                .body("brackets.code", equalTo(List.of("A", "B", "C", "D")))
                .body("brackets[3].upperBoundCents", nullValue())
                .body("currency", equalTo("EUR"))
                .body("inUse", equalTo(false));

        api(member(TestPerson.random("Lina", "Roche"))).get("/api/v1/membership-scales/" + created.path("id"))
                .then().statusCode(200).body("validFrom", equalTo("2101-09-01"))
                .body("brackets[0].feeCents", equalTo(1000));
    }

    @Test
    void membersAndAnonymousCannotDefineScales() {
        api(member(TestPerson.random("Malo", "Petit"))).contentType(ContentType.JSON)
                .body(scale("2103-01-01", "2103-12-31")).post("/api/v1/membership-scales")
                .then().statusCode(403).contentType("application/problem+json");
        outsideContract().contentType(ContentType.JSON).body(scale("2103-01-01", "2103-12-31"))
                .post("/api/v1/membership-scales").then().statusCode(401);
        outsideContract().get("/api/v1/membership-scales").then().statusCode(401);
    }

    @Test
    void anInvalidScaleIsRefusedFieldByFieldAndNothingIsStored() {
        long before = repository.count();
        create(Map.of("validFrom", "2104-01-01", "validTo", "2103-12-31", "brackets", List.of(
                bracket("A", "a", 100_000L, 1_000),
                bracket("B", "b", 90_000L, 2_000),
                bracket("C", "c", null, 3_000))))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("validTo", "brackets[1].upperBoundCents")));
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void aNegativeFeeIsRefused() {
        // The contract says so too: the request goes without the contract filter, which would stop it first.
        outsideContract().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("validFrom", "2105-01-01", "validTo", "2105-12-31", "brackets", List.of(
                bracket("A", "a", 100_000L, -100),
                bracket("B", "b", null, 3_000)))).post("/api/v1/membership-scales")
                .then().statusCode(400).body("errors[0].field", equalTo("brackets[0].feeCents"));
    }

    @Test
    void periodsOfTwoScalesDoNotOverlap() {
        create(scale("2106-01-01", "2106-12-31")).then().statusCode(201);
        create(scale("2106-12-31", "2107-06-30")).then().statusCode(409).contentType("application/problem+json");
        create(scale("2107-01-01", "2107-06-30")).then().statusCode(201);
    }

    @Test
    void theDatabaseRefusesOverlappingPeriodsEvenWithoutTheService() {
        create(scale("2108-01-01", "2108-12-31")).then().statusCode(201);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.quarkus.narayana.jta.QuarkusTransaction
                .requiringNew().run(() -> {
                    MembershipScale overlapping = new MembershipScale();
                    overlapping.id = java.util.UUID.randomUUID();
                    overlapping.validFrom = LocalDate.of(2108, 6, 1);
                    overlapping.validTo = LocalDate.of(2109, 5, 31);
                    overlapping.brackets.add(MembershipScale.BracketRow.of(new Bracket("A", "a", null, 1)));
                    repository.persistAndFlush(overlapping);
                })).hasStackTraceContaining("membership_scale_no_overlap");
    }

    @Test
    void anAdminChangesAScaleWithItsETag() {
        Response created = create(scale("2110-01-01", "2110-12-31"));
        Map<String, Object> changed = new HashMap<>(scale("2110-01-01", "2110-12-31"));
        changed.put("brackets", List.of(bracket("A", "Tout le monde", null, 1_500)));

        Response updated = api(admin()).contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(changed).put("/api/v1/membership-scales/" + created.path("id"));
        updated.then().statusCode(200).body("brackets.code", equalTo(List.of("A")))
                .body("brackets[0].feeCents", equalTo(1500));

        api(admin()).contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(scale("2110-01-01", "2110-12-31")).put("/api/v1/membership-scales/" + created.path("id"))
                .then().statusCode(412);
        api(admin()).contentType(ContentType.JSON)
                .body(scale("2110-01-01", "2110-12-31")).put("/api/v1/membership-scales/" + created.path("id"))
                .then().statusCode(428);
    }

    @Test
    void anUnknownScaleIs404() {
        api(admin()).get("/api/v1/membership-scales/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void scalesArePagedLatestFirstWithoutGapsOrDuplicates() {
        for (int year = 2120; year < 2125; year++) {
            create(scale(year + "-01-01", year + "-12-31")).then().statusCode(201);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = api(admin()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/membership-scales");
            page.then().statusCode(200);
            seen.addAll(page.path("items.validFrom"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 100);

        List<String> ours = seen.stream().filter(d -> d.compareTo("2120") >= 0 && d.compareTo("2125") < 0).toList();
        assertThat(ours).containsExactly("2124-01-01", "2123-01-01", "2122-01-01", "2121-01-01", "2120-01-01");
        assertThat(seen).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aDamagedCursorIs400() {
        api(admin()).queryParam("cursor", "not-a-cursor").get("/api/v1/membership-scales")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        outsideContract().auth().oauth2(admin()).queryParam("limit", 201).get("/api/v1/membership-scales")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void integrationsMayReadScales() {
        api(Tokens.integration(Set.of(), "scales:read")).get("/api/v1/membership-scales").then().statusCode(200);
    }
}
