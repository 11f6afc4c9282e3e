package coop.panier.assemblies;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.testsupport.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import coop.panier.integrations.MailDeliveries;
import coop.panier.testsupport.Mailbox;
import coop.panier.testsupport.TestClock;
import coop.panier.testsupport.Tokens;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** The open agenda: items until it closes (7 days before), late ones to the next assembly, its publication. */
@QuarkusTest
class AgendaTest extends AssembliesApiTest {

    @Inject
    AgendaPublishing publishing;

    @Inject
    MailDeliveries mails;

    @Test
    void aMemberProposesAnItemBeforeTheCloseThenChangesAndWithdrawsIt() {
        String facilitator = activeMember("Animatrice");
        String assembly = assemblyIn(Duration.ofDays(20), memberId(facilitator));
        String author = activeMember("Autrice");
        var created = propose(author, assembly, "Un frigo pour le local", 20);
        created.then().statusCode(201).header("Location", containsString("/agenda-items/"))
                .body("assemblyId", equalTo(assembly)).body("late", equalTo(false)).body("mine", equalTo(true))
                .body("editable", equalTo(true)).body("author.firstName", equalTo("Autrice"));
        String item = created.path("id");

        String other = activeMember("Autre");
        api(other).get("/api/v1/assemblies/" + assembly + "/agenda-items").then().statusCode(200)
                .body("items.find { it.id == '" + item + "' }.mine", equalTo(false))
                .body("items.find { it.id == '" + item + "' }.editable", equalTo(false));
        api(other).get("/api/v1/assemblies/" + assembly).then().body("itemCount", equalTo(1)).body("agendaOpen", equalTo(true));
        Map<String, Object> change = Map.of("title", "Un frigo neuf", "durationMinutes", 15);
        api(other).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(change)
                .put("/api/v1/assemblies/" + assembly + "/agenda-items/" + item).then().statusCode(404);
        api(other).delete("/api/v1/assemblies/" + assembly + "/agenda-items/" + item).then().statusCode(404);

        api(author).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(change)
                .put("/api/v1/assemblies/" + assembly + "/agenda-items/" + item).then().statusCode(200)
                .body("title", equalTo("Un frigo neuf")).body("durationMinutes", equalTo(15)).body("description", equalTo(""));
        api(author).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(change)
                .put("/api/v1/assemblies/" + assembly + "/agenda-items/" + item).then().statusCode(412);
        api(author).delete("/api/v1/assemblies/" + assembly + "/agenda-items/" + item).then().statusCode(204);
        api(other).get("/api/v1/assemblies/" + assembly + "/agenda-items").then().body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void afterTheCloseAnItemIsTakenButGoesToTheNextAssemblyAndTheAgendaNoLongerChanges() {
        String facilitator = memberId(activeMember("Animateur"));
        Duration ahead = farAhead(100);
        String first = assemblyIn(ahead, facilitator);
        String next = assemblyIn(ahead.plusDays(30), facilitator);
        String author = activeMember("Retardataire");
        String early = propose(author, first, "Le planning d'été", 10).then().statusCode(201).extract().path("id");
        Instant start = OffsetDateTime.parse(api(admin()).get("/api/v1/assemblies/" + first).path("startsAt")).toInstant();
        Instant closes = OffsetDateTime.parse(api(admin()).get("/api/v1/assemblies/" + first).path("agendaClosesAt")).toInstant();
        assertThat(Duration.between(closes, start)).isEqualTo(Duration.ofDays(7));

        TestClock.travelTo(closes.minusSeconds(60));
        propose(author, first, "Juste à temps", 10).then().statusCode(201).body("assemblyId", equalTo(first))
                .body("late", equalTo(false));

        TestClock.travelTo(closes.plusSeconds(1));
        api(author).get("/api/v1/assemblies/" + first).then().body("agendaOpen", equalTo(false));
        propose(author, first, "Trop tard pour celle-ci", 10).then().statusCode(201).body("late", equalTo(true))
                .body("assemblyId", equalTo(next)).body("askedForAssemblyId", equalTo(first));
        api(author).get("/api/v1/assemblies/" + first + "/agenda-items").then()
                .body("items.title", equalTo(List.of("Le planning d'été", "Juste à temps")))
                .body("items[0].editable", equalTo(false));
        api(author).get("/api/v1/assemblies/" + next + "/agenda-items").then()
                .body("items.title", equalTo(List.of("Trop tard pour celle-ci"))).body("items[0].editable", equalTo(true));
        api(author).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("title", "Le planning d'été", "durationMinutes", 30))
                .put("/api/v1/assemblies/" + first + "/agenda-items/" + early).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "agenda-closed"));
        api(author).delete("/api/v1/assemblies/" + first + "/agenda-items/" + early).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "agenda-closed"));
    }

    @Test
    void aLateItemWithNoNextAssemblyWaitsUntilOneIsScheduled() {
        String facilitator = memberId(activeMember("Animatrice"));
        // Later than any other test's assemblies: none comes after it.
        Duration ahead = Duration.ofDays(30000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        String last = assemblyIn(ahead, facilitator);
        String author = activeMember("Patiente");
        Instant closes = OffsetDateTime.parse(api(admin()).get("/api/v1/assemblies/" + last).path("agendaClosesAt")).toInstant();
        TestClock.travelTo(closes.plusSeconds(3600));
        var waiting = propose(author, last, "Les horaires du samedi", 15);
        waiting.then().statusCode(201).body("late", equalTo(true)).body("assemblyId", nullValue()).body("editable", equalTo(true));
        String item = waiting.path("id");
        api(author).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("title", "Les horaires du samedi matin", "durationMinutes", 15))
                .put("/api/v1/assemblies/" + last + "/agenda-items/" + item).then().statusCode(200);

        String next = assemblyIn(ahead.plusDays(30), facilitator);
        api(author).get("/api/v1/assemblies/" + next + "/agenda-items").then()
                .body("items.id", equalTo(List.of(item))).body("items[0].late", equalTo(true))
                .body("items[0].title", equalTo("Les horaires du samedi matin"));
    }

    @Test
    void aMemberWhoseMembershipIsPendingCannotProposeAnItem() {
        String assembly = assemblyIn(Duration.ofDays(20), memberId(activeMember("Animatrice")));
        String pending = Tokens.member(TestPerson.random("Nouvelle", "Pas encore"));
        api(pending).get("/api/v1/me").then().statusCode(200).body("status", equalTo("PENDING"));
        propose(pending, assembly, "Un point", 10).then().statusCode(409).body("type", equalTo(PROBLEMS + "member-pending"))
                .body("detail", containsString("proposer un point"));
    }

    @Test
    void aBlankTitleOrAFacilitatorWhoIsNoMemberIsA400NamingTheField() {
        String assembly = assemblyIn(Duration.ofDays(20), memberId(activeMember("Animatrice")));
        propose(activeMember("Vide"), assembly, "   ", 10).then().statusCode(400).body("errors[0].field", equalTo("title"));
        api(admin()).contentType(ContentType.JSON)
                .body(assemblyInput("Agora", OffsetDateTime.now(ZONE).plusDays(9).withNano(0), UUID.randomUUID().toString()))
                .post("/api/v1/assemblies").then().statusCode(400).body("errors[0].field", equalTo("facilitatorId"));
    }

    @Test
    void theAgendaIsPublishedOnceWhenItClosesAndMailedToTheMembers() throws Exception {
        TestPerson facilitatorPerson = TestPerson.random("Animateur", "Agora");
        String facilitatorToken = activeMember(facilitatorPerson);
        Duration ahead = farAhead(3000);
        String assembly = assemblyIn(ahead, memberId(facilitatorToken));
        propose(activeMember("Proposante"), assembly, "Un frigo pour le local", 20).then().statusCode(201);
        Instant closes = OffsetDateTime.parse(api(admin()).get("/api/v1/assemblies/" + assembly).path("agendaClosesAt")).toInstant();

        // The job publishes every agenda due then; this one's events say what it did for this assembly.
        publishing.publish(closes.minusSeconds(60));
        assertThat(events(assembly)).as("before the close").containsExactly("assembly.scheduled");
        assertThat(publishing.publish(closes.plusSeconds(60))).isPositive();
        publishing.publish(closes.plusSeconds(120));
        assertThat(events(assembly)).as("once").containsExactly("assembly.scheduled", "assembly.agenda_published");
        assertThat(mailedFor(assembly, "assembly.agenda_published")).contains(UUID.fromString(memberId(facilitatorToken)));
        api(facilitatorToken).get("/api/v1/assemblies/" + assembly).then().body("agendaPublishedAt", org.hamcrest.Matchers.notNullValue());
        Mailbox.sendAll(mails);
        String text = Mailbox.text(Mailbox.only(facilitatorPerson.email(), "Ordre du jour : Agora"));
        assertThat(text).contains("L'ordre du jour de l'assemblée « Agora » est clos").contains("- Un frigo pour le local (20 min, proposé par Proposante)")
                .contains("/assemblees/" + assembly);
    }
}
