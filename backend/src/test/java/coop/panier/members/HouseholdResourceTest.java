package coop.panier.members;

import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.QueryPlans;
import coop.panier.testsupport.RecordedStatements;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class HouseholdResourceTest extends ApiTest {

    @Inject
    SessionFactory sessions;

    @Inject
    DataSource dataSource;

    private static Response create(String name, int adults, int children) {
        return api(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "adults", adults, "children", children))
                .post("/api/v1/households");
    }

    /** A signed-in member with a member row; returns their id. */
    private static String signedUp(TestPerson person) {
        return api(member(person)).get("/api/v1/me").path("id");
    }

    @Test
    void theHouseholdsListReadsTheirMembersInOneQueryWhateverTheirNumber() {
        String tag = "Lot" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 2; i++) {
            householdOfOne(tag, i);
        }
        long few = statementsToList(tag);
        for (int i = 2; i < 20; i++) {
            householdOfOne(tag, i);
        }
        long many = statementsToList(tag);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            numbers.add(String.format("%02d", i));
        }
        api(admin()).queryParam("q", tag).queryParam("limit", 50).get("/api/v1/households").then()
                .body("items.name", equalTo(numbers.stream().map(n -> "Foyer " + tag + " " + n).toList()))
                .body("items.collect { it.members.collect { m -> m.firstName } }",
                        equalTo(numbers.stream().map(n -> List.of("Membre" + n)).toList()));
        assertThat(many).isEqualTo(few);
    }

    private static void householdOfOne(String tag, int i) {
        String n = String.format("%02d", i);
        String id = create("Foyer " + tag + " " + n, 1, 0).then().statusCode(201).extract().path("id");
        api(admin()).put("/api/v1/households/" + id + "/members/" + signedUp(TestPerson.random("Membre" + n, tag)))
                .then().statusCode(200);
    }

    private long statementsToList(String tag) {
        var statistics = sessions.getStatistics();
        statistics.clear();
        api(admin()).queryParam("q", tag).queryParam("limit", 50).get("/api/v1/households").then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }

    @Test
    void theHouseholdSearchIsServedByATrigramIndexOnItsVeryExpression() throws Exception {
        assertThat(QueryPlans.definition(dataSource, "household_name_trigram"))
                .contains("USING gin (search_text(name) gin_trgm_ops)");
        RecordedStatements.clear();
        api(admin()).queryParam("q", "Hélène").get("/api/v1/households").then().statusCode(200);
        String search = RecordedStatements.containing("search_text").get(0);
        assertThat(QueryPlans.planOfSearch(dataSource, search, "Hélène")).contains("household_name_trigram");
    }

    @Test
    void anAdminCreatesAHouseholdAndAttachesItsMembers() {
        Response household = create("Foyer Martin", 2, 2);
        household.then().statusCode(201).body("consumptionUnits", equalTo(2.1f)).body("members", equalTo(List.of()));
        String id = household.path("id");
        TestPerson alice = TestPerson.random("Alice", "Martin");
        TestPerson paul = TestPerson.random("Paul", "Martin");

        api(admin()).put("/api/v1/households/" + id + "/members/" + signedUp(alice)).then().statusCode(200);
        Response withBoth = api(admin()).put("/api/v1/households/" + id + "/members/" + signedUp(paul));
        withBoth.then().statusCode(200).body("members.firstName", equalTo(List.of("Alice", "Paul")));
        assertThat(withBoth.header("ETag")).isNotEqualTo(household.header("ETag"));

        api(member(alice)).get("/api/v1/me").then().body("householdId", equalTo(id));
        api(member(alice)).get("/api/v1/households/" + id).then().statusCode(200)
                .body("members.firstName", equalTo(List.of("Alice", "Paul")));

        api(admin()).delete("/api/v1/households/" + id + "/members/" + signedUp(paul)).then().statusCode(200)
                .body("members.firstName", equalTo(List.of("Alice")));
        api(member(paul)).get("/api/v1/households/" + id).then().statusCode(404);
    }

    @Test
    void aMemberSeesOnlyTheirOwnHousehold() {
        String mine = create("Foyer Bernard", 1, 0).path("id");
        String theirs = create("Foyer Thomas", 1, 0).path("id");
        TestPerson me = TestPerson.random("Jeanne", "Bernard");
        api(admin()).put("/api/v1/households/" + mine + "/members/" + signedUp(me)).then().statusCode(200);

        api(member(me)).get("/api/v1/households/" + mine).then().statusCode(200);
        api(member(me)).get("/api/v1/households/" + theirs).then().statusCode(404)
                .contentType("application/problem+json");
        api(member(me)).get("/api/v1/households/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aMemberUpdatesTheCompositionButNotTheName() {
        Response created = create("Foyer Petit", 1, 0);
        String id = created.path("id");
        TestPerson me = TestPerson.random("Louis", "Petit");
        String etag = api(admin()).put("/api/v1/households/" + id + "/members/" + signedUp(me)).header("ETag");

        Response updated = api(member(me)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "Foyer Petit", "adults", 2, "children", 1)).put("/api/v1/households/" + id);
        updated.then().statusCode(200).body("consumptionUnits", equalTo(1.8f));

        api(member(me)).contentType(ContentType.JSON).header("If-Match", updated.header("ETag"))
                .body(Map.of("name", "Foyer Grand", "adults", 2, "children", 1)).put("/api/v1/households/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        api(member(me)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "Foyer Petit", "adults", 3, "children", 1)).put("/api/v1/households/" + id)
                .then().statusCode(412);
        api(admin()).get("/api/v1/households/" + id).then().body("adults", equalTo(2)).body("name", equalTo("Foyer Petit"));
    }

    @Test
    void aHouseholdHasAtLeastOneAdult() {
        outsideContract().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Foyer vide", "adults", 0, "children", 2)).post("/api/v1/households")
                .then().statusCode(400).body("errors[0].field", equalTo("adults"));
    }

    @Test
    void adminsSearchHouseholdsIgnoringAccentsAndPageThroughThem() {
        String lefevre = create("Foyer Lefèvre-" + UUID.randomUUID().toString().substring(0, 6), 1, 0).path("name");
        api(admin()).queryParam("q", "LEFEVRE").get("/api/v1/households").then().statusCode(200)
                .body("items.name", hasItem(lefevre));

        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            create("Page " + tag + " " + i, 1, 0).then().statusCode(201);
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            var request = api(admin()).queryParam("q", tag).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/households");
            names.addAll(page.path("items.name"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(names).containsExactly("Page " + tag + " 0", "Page " + tag + " 1", "Page " + tag + " 2",
                "Page " + tag + " 3", "Page " + tag + " 4");
    }

    @Test
    void onlyAdminsListCreateAndAttach() {
        TestPerson someone = TestPerson.random("Noé", "Lambert");
        String id = create("Foyer Lambert", 1, 0).path("id");
        api(member(someone)).get("/api/v1/households").then().statusCode(403);
        api(member(someone)).contentType(ContentType.JSON)
                .body(Map.of("name", "Foyer X", "adults", 1, "children", 0)).post("/api/v1/households")
                .then().statusCode(403);
        api(member(someone)).put("/api/v1/households/" + id + "/members/" + signedUp(someone))
                .then().statusCode(403);
        outsideContract().get("/api/v1/households/" + id).then().statusCode(401);
    }
}
