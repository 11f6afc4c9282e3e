package coop.panier.governance;

import static coop.panier.testsupport.Tokens.admin;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;

import coop.panier.drive.DriveFixtures;
import coop.panier.integrations.MailDeliveries;
import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Tokens.TestPerson;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Base of the governance API tests: active members, groups and proposals made through the API. */
abstract class GovernanceApiTest extends ApiTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    MembershipScaleRepository scales;

    @Inject
    DataSource dataSource;

    @Inject
    MailDeliveries mails;

    @Inject
    ProposalDeadlines deadlines;

    @BeforeEach
    void aScale() {
        TestScales.ensureOneInForceToday(scales);
    }

    /** An active member, paid up: their token, and who they are. */
    record Person(String token, TestPerson who) {

        String id() {
            return api(token).get("/api/v1/me").then().statusCode(200).extract().path("id");
        }

        String name() {
            return who.firstName() + " " + who.lastName();
        }
    }

    static Person active(String firstName) {
        TestPerson who = TestPerson.random(firstName, "Gouv");
        return new Person(DriveFixtures.activeMember(who), who);
    }

    /** A working group of its own, made by an admin, that these members join. */
    static String group(Person... members) {
        String id = api(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Commission " + UUID.randomUUID().toString().substring(0, 8), "description", "Pour les tests"))
                .post("/api/v1/working-groups").then().statusCode(201).extract().path("id");
        for (Person member : members) {
            api(member.token()).put("/api/v1/working-groups/" + id + "/membership").then().statusCode(200);
        }
        return id;
    }

    /** A deadline so many days from now (the minimum is 7 by default). */
    static String inDays(int days) {
        // With its seconds even when they are 0 (toString() would leave them out, which is no date-time).
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(OffsetDateTime.now(PARIS).plus(Duration.ofDays(days)).withNano(0));
    }

    static JsonPath propose(Person author, String groupId, String rule, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("body", "Le texte de « " + title + " ».");
        body.put("rule", rule);
        body.put("deadline", inDays(8));
        body.put("workingGroupId", groupId);
        return api(author.token()).contentType(ContentType.JSON).body(body).post("/api/v1/proposals")
                .then().statusCode(201).extract().jsonPath();
    }

    static io.restassured.response.Response respond(Person member, String proposalId, String kind, String comment,
            String counterProposal) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("comment", comment);
        body.put("counterProposal", counterProposal);
        return api(member.token()).contentType(ContentType.JSON).body(body).put("/api/v1/proposals/" + proposalId + "/responses/mine");
    }

    static JsonPath read(Person reader, String proposalId) {
        return api(reader.token()).get("/api/v1/proposals/" + proposalId).then().statusCode(200).extract().jsonPath();
    }

    static OffsetDateTime deadlineOf(JsonPath proposal) {
        return OffsetDateTime.parse(proposal.getString("deadline"));
    }

    List<String> eventsOf(String subjectId) throws Exception {
        List<String> types = new java.util.ArrayList<>();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "select type from domain_event where subject_id = ? order by seq")) {
            s.setObject(1, UUID.fromString(subjectId));
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    types.add(r.getString(1));
                }
            }
        }
        return types;
    }
}
