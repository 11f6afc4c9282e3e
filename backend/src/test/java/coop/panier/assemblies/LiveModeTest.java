package coop.panier.assemblies;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.testsupport.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import coop.panier.integrations.MailDeliveries;
import coop.panier.testsupport.Mailbox;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The facilitator's live mode: the timer per item, attendance, the double speaking list, notes, minutes. */
@QuarkusTest
class LiveModeTest extends AssembliesApiTest {

    @Inject
    MailDeliveries mails;

    private static String path(String assembly, String rest) {
        return "/api/v1/assemblies/" + assembly + rest;
    }

    private static Response raise(String token, String assembly, String memberId) {
        return api(token).contentType(ContentType.JSON).body(memberId == null ? Map.of() : Map.of("memberId", memberId))
                .post(path(assembly, "/hands"));
    }

    @Test
    void theSpeakingListGivesTheFloorFirstToThoseWhoSpokeLeastThenToTheFirstRaised() {
        String facilitator = activeMember("Animatrice");
        String assembly = assemblyIn(Duration.ofDays(10), memberId(facilitator));
        String ana = memberId(activeMember("Ana"));
        String ben = memberId(activeMember("Ben"));
        String chloe = memberId(activeMember("Chloé"));
        api(facilitator).post(path(assembly, "/start")).then().statusCode(200).body("status", equalTo("LIVE"));

        raise(facilitator, assembly, ana).then().statusCode(200);
        raise(facilitator, assembly, ben).then().statusCode(200).body("hands.member.id", equalTo(List.of(ana, ben)));
        String anasHand = api(facilitator).get(path(assembly, "/live")).path("hands[0].id");
        api(facilitator).post(path(assembly, "/hands/" + anasHand + "/floor")).then().statusCode(200)
                .body("currentSpeaker.member.id", equalTo(ana)).body("currentSpeaker.interventions", equalTo(1))
                .body("hands.member.id", equalTo(List.of(ben)));
        raise(facilitator, assembly, ana).then().statusCode(200);
        // Chloé raises after Ana, but has not spoken yet: she comes first.
        raise(facilitator, assembly, chloe).then().statusCode(200)
                .body("hands.member.id", equalTo(List.of(ben, chloe, ana)))
                .body("hands.interventions", equalTo(List.of(0, 0, 1)));
        raise(facilitator, assembly, chloe).then().statusCode(409).body("detail", containsString("déjà la main levée"));

        String bensHand = api(facilitator).get(path(assembly, "/live")).path("hands[0].id");
        api(facilitator).delete(path(assembly, "/hands/" + bensHand)).then().statusCode(200)
                .body("hands.member.id", equalTo(List.of(chloe, ana)));
        api(facilitator).queryParam("search", "Ana").get(path(assembly, "/members")).then().statusCode(200)
                .body("items.find { it.id == '" + ana + "' }.interventions", equalTo(1))
                .body("items.find { it.id == '" + ana + "' }.present", equalTo(true));
    }

    @Test
    void aPresentMemberRaisesTheirHandFromTheirPhoneAndLowersIt() {
        String facilitator = activeMember("Animateur");
        String assembly = assemblyIn(Duration.ofDays(10), memberId(facilitator));
        String phone = activeMember("Téléphone");
        String phoneId = memberId(phone);
        raise(phone, assembly, null).then().statusCode(409).body("detail", containsString("pas encore commencé"));
        api(facilitator).post(path(assembly, "/start")).then().statusCode(200);
        raise(phone, assembly, null).then().statusCode(409).body("detail", containsString("présence"));

        api(facilitator).put(path(assembly, "/attendance/" + phoneId)).then().statusCode(200)
                .body("present.id", equalTo(List.of(phoneId)));
        raise(phone, assembly, null).then().statusCode(200).body("myHand.member.id", equalTo(phoneId))
                .body("mePresent", equalTo(true)).body("canFacilitate", equalTo(false));
        String hand = api(phone).get(path(assembly, "/live")).path("myHand.id");
        api(activeMember("Voisine")).delete(path(assembly, "/hands/" + hand)).then().statusCode(404);
        api(phone).delete(path(assembly, "/hands/" + hand)).then().statusCode(200).body("myHand", nullValue())
                .body("hands", org.hamcrest.Matchers.empty());
    }

    @Test
    void onlyTheFacilitatorOrAnAdminRunsTheAssembly() {
        String facilitator = activeMember("Animatrice");
        String assembly = assemblyIn(Duration.ofDays(10), memberId(facilitator));
        String member = activeMember("Simple");
        String memberId = memberId(member);
        api(member).post(path(assembly, "/start")).then().statusCode(403);
        api(member).get(path(assembly, "")).then().body("canFacilitate", equalTo(false));
        api(facilitator).get(path(assembly, "")).then().body("canFacilitate", equalTo(true));
        api(admin()).post(path(assembly, "/start")).then().statusCode(200);
        api(member).put(path(assembly, "/attendance/" + memberId)).then().statusCode(403);
        raise(member, assembly, memberId(facilitator)).then().statusCode(403);
        api(facilitator).put(path(assembly, "/attendance/" + memberId)).then().statusCode(200);
        raise(member, assembly, null).then().statusCode(200);
        String hand = api(member).get(path(assembly, "/live")).path("myHand.id");
        api(member).post(path(assembly, "/hands/" + hand + "/floor")).then().statusCode(403);
        api(member).post(path(assembly, "/close")).then().statusCode(403);
        api(facilitator).post(path(assembly, "/start")).then().statusCode(409);
    }

    @Test
    void eachItemHasItsTimerNotesAndDecisionAndTheMinutesArePublishedOnClose() throws Exception {
        String facilitator = activeMember("Animateur");
        String facilitatorId = memberId(facilitator);
        String assembly = assemblyIn(Duration.ofDays(10), facilitatorId);
        String author = activeMember("Autrice");
        String fridge = propose(author, assembly, "Un frigo pour le local", 20).path("id");
        String hours = propose(author, assembly, "Les horaires", 10).path("id");
        TestPerson reader = TestPerson.random("Lectrice", "Agora");
        String member = activeMember(reader);

        var polled = api(member).get(path(assembly, "/live"));
        polled.then().statusCode(200).body("status", equalTo("SCHEDULED")).body("currentItemId", nullValue());
        String etag = polled.header("ETag");
        api(member).header("If-None-Match", etag).get(path(assembly, "/live")).then().statusCode(304);

        var started = api(facilitator).post(path(assembly, "/start"));
        started.then().statusCode(200).body("currentItemId", equalTo(fridge)).body("items[0].startedAt", notNullValue())
                .body("items[0].durationMinutes", equalTo(20)).body("now", notNullValue());
        assertThat(started.header("ETag")).isNotEqualTo(etag);
        api(member).header("If-None-Match", etag).get(path(assembly, "/live")).then().statusCode(200);
        OffsetDateTime startedAt = OffsetDateTime.parse(started.path("items[0].startedAt"));
        assertThat(Duration.between(startedAt, OffsetDateTime.parse(started.path("now"))).abs()).isLessThan(Duration.ofSeconds(5));

        api(facilitator).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("notes", "Trois devis présentés.", "decision", "Achat d'un frigo neuf, 600 € au plus."))
                .put(path(assembly, "/agenda-items/" + fridge + "/record")).then().statusCode(200)
                .body("items[0].decision", equalTo("Achat d'un frigo neuf, 600 € au plus.")).body("items[0].version", equalTo(1));
        api(facilitator).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("notes", "", "decision", ""))
                .put(path(assembly, "/agenda-items/" + fridge + "/record")).then().statusCode(412);
        api(facilitator).contentType(ContentType.JSON).body(Map.of("itemId", hours)).put(path(assembly, "/current-item"))
                .then().statusCode(200).body("currentItemId", equalTo(hours)).body("items[0].endedAt", notNullValue())
                .body("items[1].startedAt", notNullValue()).body("items[1].endedAt", nullValue());
        api(facilitator).contentType(ContentType.JSON).body(Map.of("itemId", UUID.randomUUID().toString()))
                .put(path(assembly, "/current-item")).then().statusCode(404);
        api(facilitator).put(path(assembly, "/attendance/" + memberId(member))).then().statusCode(200);

        api(member).get(path(assembly, "/minutes")).then().statusCode(404);
        api(facilitator).get(path(assembly, "/minutes")).then().statusCode(200);
        api(facilitator).post(path(assembly, "/close")).then().statusCode(200).body("assembly.status", equalTo("CLOSED"))
                .body("items[0].decision", equalTo("Achat d'un frigo neuf, 600 € au plus."))
                .body("present.firstName", equalTo(List.of("Lectrice")));
        api(member).get(path(assembly, "/minutes")).then().statusCode(200)
                .body("items.title", equalTo(List.of("Un frigo pour le local", "Les horaires")))
                .body("items[0].notes", equalTo("Trois devis présentés."));
        api(facilitator).post(path(assembly, "/close")).then().statusCode(409);
        assertThat(events(assembly)).containsExactly("assembly.scheduled", "assembly.minutes_published");
        assertThat(mailedFor(assembly, "assembly.minutes_published")).contains(UUID.fromString(memberId(member)));
        Mailbox.sendAll(mails);
        assertThat(Mailbox.text(Mailbox.only(reader.email(), "Compte rendu : Agora")))
                .contains("- Un frigo pour le local (20 min, proposé par Autrice) : Achat d'un frigo neuf, 600 € au plus.");
        List<String> past = api(member).queryParam("past", true).queryParam("limit", 200).get("/api/v1/assemblies")
                .then().statusCode(200).extract().path("items.id");
        assertThat(past).contains(assembly);
        List<String> ahead = api(member).queryParam("limit", 200).get("/api/v1/assemblies").then().extract().path("items.id");
        assertThat(ahead).doesNotContain(assembly);
    }

    @Test
    void assembliesAreInTheMembersCalendarFeed() {
        String member = activeMember("Calendrier");
        String assembly = assemblyIn(Duration.ofDays(12), memberId(activeMember("Animatrice")));
        String url = api(member).get("/api/v1/me/calendar-feed").then().extract().path("url");
        String feed = outsideContract().get(url.substring(url.indexOf("/api/v1/"))).then().statusCode(200).extract().asString();
        assertThat(feed).contains("UID:assembly-" + assembly + "@panier").contains("SUMMARY:Assemblée : Agora");
    }
}
