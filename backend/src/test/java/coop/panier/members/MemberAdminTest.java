package coop.panier.members;

import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

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
class MemberAdminTest extends ApiTest {

    @Inject
    DataSource dataSource;

    @Test
    void theMemberSearchIsServedByATrigramIndexOnItsVeryExpression() throws Exception {
        assertThat(QueryPlans.definition(dataSource, "member_search_trigram")).contains("USING gin (search_text((((((("
                + "first_name || ' '::text) || last_name) || ' '::text) || email) || ' '::text) || member_number))"
                + " gin_trgm_ops)");
        RecordedStatements.clear();
        api(admin()).queryParam("q", "Hélène").get("/api/v1/members").then().statusCode(200);
        String search = RecordedStatements.containing("search_text").get(0);
        assertThat(QueryPlans.planOfSearch(dataSource, search, "Hélène")).contains("member_search_trigram");
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> details(String first, String last, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("email", email);
        body.put("phone", "06 12 34 56 78");
        return body;
    }

    private static Response register(String first, String last, String email) {
        return api(admin()).contentType(ContentType.JSON).body(details(first, last, email)).post("/api/v1/members");
    }

    @Test
    void anAdminRegistersAMemberWhoIsLinkedWhenTheyFirstSignIn() {
        TestPerson person = TestPerson.random("Sophie", "Girard");
        Response created = register("Sophie", "Girard", person.email());
        created.then().statusCode(201).body("status", equalTo("PENDING"))
                .body("memberNumber", matchesPattern("A-\\d{4,}"));

        api(member(person)).get("/api/v1/me").then().statusCode(200).body("id", equalTo(created.path("id")));
    }

    @Test
    void anEmailBelongsToOneMember() {
        String email = "unique." + tag() + "@panier.example";
        register("Un", "Exemple", email).then().statusCode(201);
        register("Deux", "Exemple", email.toUpperCase()).then().statusCode(409).contentType("application/problem+json");
        outsideContract().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(details("Trois", "Exemple", "pas-une-adresse")).post("/api/v1/members")
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
    }

    @Test
    void adminsFindMembersByNameIgnoringAccentsByNumberAndByEmail() {
        String t = tag();
        Response helene = register("Hélène", "Crémieux-" + t, "helene." + t + "@panier.example");
        String number = helene.path("memberNumber");

        api(admin()).queryParam("q", "HELENE CREMIEUX-" + t).get("/api/v1/members").then().statusCode(200)
                .body("items.memberNumber", equalTo(List.of(number)));
        api(admin()).queryParam("q", number).get("/api/v1/members").then().body("items.memberNumber", hasItem(number));
        api(admin()).queryParam("q", "helene." + t).get("/api/v1/members").then()
                .body("items.memberNumber", equalTo(List.of(number)));
        api(admin()).queryParam("q", t).queryParam("status", "ACTIVE").get("/api/v1/members").then()
                .body("items", equalTo(List.of()));
    }

    @Test
    void membersArePagedByNumberWithoutGapsOrDuplicates() {
        String t = tag();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(register("Page" + i, "Famille" + t, "p" + i + "." + t + "@panier.example").path("memberNumber"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = api(admin()).queryParam("q", "famille" + t).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/members");
            seen.addAll(page.path("items.memberNumber"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void anAdminCorrectsDetailsWithTheETag() {
        Response created = register("Max", "Durant", "max." + tag() + "@panier.example");
        String id = created.path("id");
        Map<String, Object> fixed = details("Max", "Durand", created.path("email"));
        fixed.put("phone", null);

        Response updated = api(admin()).contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(fixed).put("/api/v1/members/" + id);
        updated.then().statusCode(200).body("lastName", equalTo("Durand"));
        assertThat(updated.jsonPath().getString("phone")).isNull();
        api(admin()).contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(fixed).put("/api/v1/members/" + id).then().statusCode(412);
    }

    @Test
    void statusChangesFollowTheRulesCarryAReasonAndAreKept() {
        Response created = register("Rita", "Lopez", "rita." + tag() + "@panier.example");
        String id = created.path("id");
        String etag = created.header("ETag");

        api(admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "SUSPENDED", "reason", "Essai")).post("/api/v1/members/" + id + "/status-changes")
                .then().statusCode(409);
        outsideContract().auth().oauth2(admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "ACTIVE")).post("/api/v1/members/" + id + "/status-changes")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        Response active = api(admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "ACTIVE", "reason", "Adhésion réglée en espèces"))
                .post("/api/v1/members/" + id + "/status-changes");
        active.then().statusCode(200).body("status", equalTo("ACTIVE"));
        api(admin()).contentType(ContentType.JSON).header("If-Match", active.header("ETag"))
                .body(Map.of("status", "LEFT", "reason", "Déménagement"))
                .post("/api/v1/members/" + id + "/status-changes").then().statusCode(200);

        api(admin()).get("/api/v1/members/" + id + "/status-changes").then().statusCode(200)
                .body("items.to", equalTo(List.of("LEFT", "ACTIVE")))
                .body("items.reason", equalTo(List.of("Déménagement", "Adhésion réglée en espèces")));
        api(admin()).queryParam("status", "LEFT").queryParam("q", (Object) created.path("memberNumber"))
                .get("/api/v1/members").then().body("items.id", equalTo(List.of(id)));
    }

    @Test
    void theCsvExportListsMembersWithoutIncomeAndSafely() {
        String t = tag();
        register("Jean;Paul", "=HYPERLINK(\"x\")", "csv." + t + "@panier.example").then().statusCode(201);

        Response csv = api(admin()).get("/api/v1/members/export");
        csv.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("adherents.csv"));
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFNuméro;Prénom;Nom;E-mail;Téléphone;Statut;Adhérent depuis;Foyer\r\n");
        assertThat(text).contains("\"Jean;Paul\";\"'=HYPERLINK(\"\"x\"\")\";csv." + t + "@panier.example;06 12 34 56 78;"
                + "En attente d'adhésion;");
        assertThat(text.toLowerCase()).doesNotContain("revenu", "income");
    }

    @Test
    void onlyAdminsManageMembers() {
        TestPerson someone = TestPerson.random("Paul", "Simple");
        api(member(someone)).get("/api/v1/members").then().statusCode(403);
        api(member(someone)).get("/api/v1/members/export").then().statusCode(403);
        api(member(someone)).contentType(ContentType.JSON)
                .body(details("X", "Y", "x." + tag() + "@panier.example")).post("/api/v1/members").then().statusCode(403);
        outsideContract().get("/api/v1/members").then().statusCode(401);
        api(admin()).get("/api/v1/members/" + UUID.randomUUID()).then().statusCode(404);
        api(admin()).queryParam("q", "x").get("/api/v1/members").then()
                .body("items.email", not(hasItem(org.hamcrest.Matchers.nullValue())));
    }
}
