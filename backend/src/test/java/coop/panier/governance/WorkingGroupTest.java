package coop.panier.governance;

import static coop.panier.testsupport.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Working groups: admins make them, members join and leave them, their members write notes everyone reads. */
@QuarkusTest
class WorkingGroupTest extends GovernanceApiTest {

    @Test
    void adminsMakeAndEditAGroupWithItsMeetingsAndANameIsTakenOnce() {
        String name = "Appro " + UUID.randomUUID().toString().substring(0, 6);
        var created = api(admin()).contentType(ContentType.JSON).body(Map.of("name", name, "description", "Les producteurs",
                "meetings", List.of(Map.of("startsAt", inDays(3), "place", "Local", "note", "Apporter les devis"),
                        Map.of("startsAt", inDays(-3), "place", "Passée"))))
                .post("/api/v1/working-groups").then().statusCode(201).extract();
        String id = created.path("id");
        assertThat(created.jsonPath().getList("meetings.place")).as("the coming ones").containsExactly("Local");
        api(admin()).contentType(ContentType.JSON).body(Map.of("name", name.toUpperCase())).post("/api/v1/working-groups")
                .then().statusCode(409);
        Person member = active("Simple");
        api(member.token()).contentType(ContentType.JSON).body(Map.of("name", "Pirate")).post("/api/v1/working-groups")
                .then().statusCode(403);

        api(admin()).header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "description", "Choisit les producteurs", "meetings", List.of()))
                .put("/api/v1/working-groups/" + id).then().statusCode(200)
                .body("description", equalTo("Choisit les producteurs")).body("meetings.size()", equalTo(0));
        api(admin()).header("If-Match", created.header("ETag")).contentType(ContentType.JSON).body(Map.of("name", name))
                .put("/api/v1/working-groups/" + id).then().statusCode(412);
    }

    @Test
    void anyActiveMemberJoinsAndLeavesAndOnlyMembersWriteNotesThatEveryoneReads() {
        Person writer = active("Plume");
        Person reader = active("Lecteur");
        String id = group();

        api(writer.token()).contentType(ContentType.JSON).body(Map.of("body", "Avant d'entrer"))
                .post("/api/v1/working-groups/" + id + "/notes").then().statusCode(403)
                .body("type", endsWith("/working-group-members-only"));
        JsonPath joined = api(writer.token()).put("/api/v1/working-groups/" + id + "/membership").then().statusCode(200)
                .extract().jsonPath();
        assertThat(joined.getBoolean("isMember")).isTrue();
        assertThat(joined.getList("members.name")).containsExactly(writer.name());
        api(writer.token()).put("/api/v1/working-groups/" + id + "/membership").then().statusCode(200).body("memberCount", equalTo(1));

        api(writer.token()).contentType(ContentType.JSON).body(Map.of("body", "Réunion : **3 producteurs** <script>x</script>"))
                .post("/api/v1/working-groups/" + id + "/notes").then().statusCode(201);
        JsonPath notes = api(reader.token()).get("/api/v1/working-groups/" + id + "/notes").then().statusCode(200).extract().jsonPath();
        assertThat(notes.getList("items.authorName")).containsExactly(writer.name());
        assertThat(notes.getString("items[0].bodyHtml")).contains("<strong>3 producteurs</strong>").doesNotContain("<script");

        List<Map<String, Object>> groups = api(reader.token()).queryParam("limit", 200).get("/api/v1/working-groups")
                .then().statusCode(200).extract().path("items");
        assertThat(groups).anySatisfy(g -> assertThat(g).containsEntry("id", id).containsEntry("isMember", false)
                .containsEntry("memberCount", 1));

        api(writer.token()).delete("/api/v1/working-groups/" + id + "/membership").then().statusCode(204);
        api(writer.token()).delete("/api/v1/working-groups/" + id + "/membership").then().statusCode(404);
        assertThat(api(reader.token()).get("/api/v1/working-groups/" + id + "/notes").then().statusCode(200)
                .extract().jsonPath().getList("items")).as("the notes stay").hasSize(1);
    }

    @Test
    void aMemberWhoTurnedProposalMailsOffIsNotToldOfNewOnes() throws Exception {
        Person quiet = active("Discrète");
        Person told = active("Informé");
        Person author = active("Proposeuse");
        String group = group(quiet, told, author);
        var me = api(quiet.token()).get("/api/v1/me");
        api(quiet.token()).contentType(ContentType.JSON).header("If-Match", me.header("ETag")).body(Map.of("preferences", Map.of("language", "fr", "proposalMails", false)))
                .put("/api/v1/me").then().statusCode(200).body("preferences.proposalMails", equalTo(false));
        propose(author, group, "CONSENT", "Acheter une balance");
        coop.panier.testsupport.Mailbox.sendAll(mails);
        coop.panier.testsupport.Mailbox.only(told.who().email(), "Nouvelle proposition : Acheter une balance");
        assertThat(coop.panier.testsupport.Mailbox.subjects(quiet.who().email()))
                .doesNotContain("Nouvelle proposition : Acheter une balance");
    }
}
