package coop.panier.governance;

import static coop.panier.testsupport.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import coop.panier.testsupport.Mailbox;
import coop.panier.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Proposals, responses and decisions, as members see them. */
@QuarkusTest
class ProposalTest extends GovernanceApiTest {

    @Test
    void aBlockWithoutACounterProposalAndAConcernWithoutACommentAreRefusedNamingTheField() {
        Person author = active("Autrice");
        Person blocker = active("Bloqueur");
        String id = propose(author, null, "CONSENT", "Ouvrir le samedi").getString("id");

        respond(blocker, id, "BLOCK", "Pas assez de bénévoles", null).then().statusCode(400)
                .body("errors.field", hasItem("counterProposal"));
        respond(blocker, id, "BLOCK", null, "   ").then().statusCode(400).body("errors.field", hasItem("counterProposal"));
        respond(blocker, id, "CONCERN", null, null).then().statusCode(400).body("errors.field", hasItem("comment"));
        assertThat(read(author, id).getInt("tally.responded")).as("nothing written").isZero();
    }

    @Test
    void aDeadlineSoonerThanTheMinimumDelayIsRefusedNamingTheDeadline() {
        Person author = active("Pressée");
        api(author.token()).contentType(ContentType.JSON).body(Map.of("title", "Vite", "body", "Tout de suite", "rule", "CONSENT",
                "deadline", inDays(3))).post("/api/v1/proposals")
                .then().statusCode(400).body("errors.field", hasItem("deadline"));
    }

    @Test
    void aResponseChangedBeforeTheDeadlineIsOneResponseAndAResponseAfterItIsRefused() {
        Person author = active("Auteur");
        Person member = active("Hésitante");
        JsonPath proposal = propose(author, null, "CONSENT", "Changer de banque");
        String id = proposal.getString("id");

        respond(member, id, "AGREE", null, null).then().statusCode(200).body("myResponse.kind", equalTo("AGREE"));
        respond(member, id, "BLOCK", null, "Rester au Crédit coopératif").then().statusCode(200);
        JsonPath changed = respond(member, id, "STAND_ASIDE", null, null).then().statusCode(200).extract().jsonPath();
        assertThat(changed.getList("responses.memberName")).containsExactly(member.name());
        assertThat(changed.getString("responses[0].kind")).isEqualTo("STAND_ASIDE");
        assertThat(changed.getString("responses[0].counterProposal")).isNull();
        assertThat(changed.getInt("tally.standAside")).isEqualTo(1);
        assertThat(changed.getInt("tally.block")).isZero();

        TestClock.travelTo(deadlineOf(proposal).toInstant().plusSeconds(60));
        respond(member, id, "AGREE", null, null).then().statusCode(409)
                .body("type", endsWith("/proposal-closed"));
        assertThat(read(member, id).getString("responses[0].kind")).isEqualTo("STAND_ASIDE");
    }

    @Test
    void consentWithOneBlockReadsRejectedAtTheDeadlineBeforeTheJobAndTheJobTellsItOnce() throws Exception {
        Person author = active("Consentie");
        Person agrees = active("Daccord");
        Person blocks = active("Objecteur");
        JsonPath proposal = propose(author, null, "CONSENT", "Un frigo pour le local");
        String id = proposal.getString("id");
        respond(agrees, id, "AGREE", null, null).then().statusCode(200);
        respond(blocks, id, "BLOCK", "Trop cher", "Réparer l'ancien").then().statusCode(200);

        TestClock.travelTo(deadlineOf(proposal).toInstant().plusSeconds(60));
        JsonPath decided = read(agrees, id);
        assertThat(decided.getString("status")).isEqualTo("REJECTED");
        assertThat(decided.getString("rejection")).isEqualTo("BLOCKED");
        assertThat(decided.getMap("may")).containsEntry("respond", false).containsEntry("startRound", false);
        assertThat(read(blocks, id).getBoolean("may.startRound")).as("the blocker may start the next round").isTrue();
        assertThat(eventsOf(id)).containsExactly("proposal.opened");

        deadlines.run(deadlineOf(proposal).toInstant().plusSeconds(60));
        deadlines.run(deadlineOf(proposal).toInstant().plusSeconds(120));
        assertThat(eventsOf(id)).containsExactly("proposal.opened", "proposal.decided");
        assertThat(read(author, id).getString("status")).isEqualTo("REJECTED");

        Mailbox.sendAll(mails);
        assertThat(Mailbox.text(Mailbox.only(agrees.who().email(), "Non adoptée : Un frigo pour le local")))
                .contains("une objection bloquante tient").contains("/decisions/" + id);

        String block = read(blocks, id).getString("responses.find { it.kind == 'BLOCK' }.id");
        var from = Map.of("fromResponseId", block, "deadline", inDays(16));
        api(agrees.token()).contentType(ContentType.JSON).body(from).post("/api/v1/proposals/" + id + "/rounds")
                .then().statusCode(403);
        JsonPath next = api(blocks.token()).contentType(ContentType.JSON).body(from).post("/api/v1/proposals/" + id + "/rounds")
                .then().statusCode(201).extract().jsonPath();
        assertThat(next.getString("authorName")).as("the blocker starts round 2, and is its author").isEqualTo(blocks.name());
        assertThat(next.getString("body")).isEqualTo("Réparer l'ancien");
        assertThat(read(author, id).getString("rejection")).as("round 1 keeps why").isEqualTo("BLOCKED");
    }

    @Test
    void consensusWithOneConcernIsRejectedAndWithoutItsQuorumToo() {
        Person a = active("Anne");
        Person b = active("Bruno");
        Person c = active("Chloé");
        Person d = active("Driss");
        String group = group(a, b, c, d);
        JsonPath concerned = propose(a, group, "CONSENSUS", "Nouveau fournisseur de pain");
        respond(a, concerned.getString("id"), "AGREE", null, null).then().statusCode(200);
        respond(b, concerned.getString("id"), "AGREE", null, null).then().statusCode(200);
        respond(c, concerned.getString("id"), "CONCERN", "Le prix au kilo", null).then().statusCode(200);
        JsonPath few = propose(a, group, "CONSENSUS", "Horaires d'été");
        respond(b, few.getString("id"), "AGREE", null, null).then().statusCode(200);
        assertThat(few.getInt("tally.eligible")).isEqualTo(4);
        assertThat(few.getInt("tally.quorum")).as("half of 4").isEqualTo(2);

        TestClock.travelTo(deadlineOf(few).toInstant().plusSeconds(60));
        JsonPath rejected = read(d, concerned.getString("id"));
        assertThat(rejected.getString("status")).isEqualTo("REJECTED");
        assertThat(rejected.getString("rejection")).isEqualTo("CONCERNS");
        JsonPath tooFew = read(d, few.getString("id"));
        assertThat(tooFew.getString("status")).isEqualTo("REJECTED");
        assertThat(tooFew.getString("rejection")).isEqualTo("QUORUM_NOT_MET");
        assertThat(tooFew.getInt("tally.responded")).isEqualTo(1);
    }

    @Test
    void onlyTheGroupsMembersRespondToItsProposalsAndEveryMemberReadsThem() {
        Person inside = active("Dedans");
        Person outside = active("Dehors");
        String group = group(inside);
        String id = propose(inside, group, "CONSENT", "Commander des lentilles").getString("id");

        respond(outside, id, "AGREE", null, null).then().statusCode(403).body("type", endsWith("/working-group-members-only"));
        JsonPath read = read(outside, id);
        assertThat(read.getBoolean("may.respond")).isFalse();
        assertThat(read.getString("workingGroupName")).startsWith("Commission ");
        respond(inside, id, "AGREE", null, null).then().statusCode(200);
    }

    @Test
    void theAuthorWithdrawsNothingIsDeletedAndNobodyRespondsAnymore() {
        Person author = active("Retrait");
        Person other = active("Autre");
        String id = propose(author, null, "CONSENT", "Peindre la façade").getString("id");
        respond(other, id, "AGREE", null, null).then().statusCode(200);

        api(other.token()).post("/api/v1/proposals/" + id + "/withdrawal").then().statusCode(403);
        api(author.token()).post("/api/v1/proposals/" + id + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        respond(other, id, "BLOCK", null, "Autre couleur").then().statusCode(409).body("type", endsWith("/proposal-closed"));
        JsonPath read = read(other, id);
        assertThat(read.getString("status")).isEqualTo("WITHDRAWN");
        assertThat(read.getList("responses.kind")).containsExactly("AGREE");
        List<String> closed = api(other.token()).queryParam("open", false).queryParam("limit", 200).get("/api/v1/proposals")
                .then().statusCode(200).extract().path("items.id");
        assertThat(closed).contains(id);
    }

    @Test
    void proposalTextIsRenderedSafely() {
        Person author = active("Malicieuse");
        var body = Map.of("title", "Piège", "rule", "CONSENT", "deadline", inDays(8),
                "body", "Salut <script>alert(1)</script> [clic](javascript:alert(2)) <b onmouseover=\"alert(3)\">x</b> [ok](https://coop.example)");
        JsonPath created = api(author.token()).contentType(ContentType.JSON).body(body).post("/api/v1/proposals")
                .then().statusCode(201).extract().jsonPath();
        String html = created.getString("bodyHtml");
        assertThat(html).doesNotContain("<script").doesNotContain("javascript:").doesNotContain("<b ")
                .contains("&lt;script&gt;").contains("rel=\"noopener noreferrer nofollow\" href=\"https://coop.example\"");
        assertThat(created.getString("body")).isEqualTo(body.get("body"));
    }

    /**
     * The whole path: A proposes; B blocks with a counter-proposal; A opens round 2 from it;
     * both agree; the deadline passes; round 2 is adopted, and round 1 stays readable.
     */
    @Test
    void aBlockLeadsToASecondRoundThatIsAdopted() throws Exception {
        Person a = active("Alix");
        Person b = active("Basile");
        String group = group(a, b);
        JsonPath first = propose(a, group, "CONSENT", "Acheter un frigo neuf");
        String round1 = first.getString("id");

        respond(b, round1, "BLOCK", "Trop cher", "Acheter un frigo d'occasion chez Emmaüs").then().statusCode(200);
        JsonPath blocked = read(a, round1);
        assertThat(blocked.getBoolean("may.startRound")).isTrue();
        String block = blocked.getString("responses[0].id");

        JsonPath second = api(a.token()).contentType(ContentType.JSON)
                .body(Map.of("fromResponseId", block, "deadline", inDays(9)))
                .post("/api/v1/proposals/" + round1 + "/rounds").then().statusCode(201).extract().jsonPath();
        String round2 = second.getString("id");
        assertThat(second.getInt("round")).isEqualTo(2);
        assertThat(second.getString("previousRoundId")).isEqualTo(round1);
        assertThat(second.getString("chainId")).isEqualTo(round1);
        assertThat(second.getString("body")).isEqualTo("Acheter un frigo d'occasion chez Emmaüs");
        assertThat(second.getString("counterProposalBy")).isEqualTo(b.name());
        assertThat(second.getString("authorName")).isEqualTo(a.name());
        assertThat(second.getList("rounds.round")).containsExactly(1, 2);
        assertThat(second.getList("rounds.status")).containsExactly("SUPERSEDED", "OPEN");

        respond(b, round1, "AGREE", null, null).then().statusCode(409).body("type", endsWith("/proposal-closed"));
        api(b.token()).contentType(ContentType.JSON).body(Map.of("fromResponseId", block, "deadline", inDays(9)))
                .post("/api/v1/proposals/" + round1 + "/rounds").then().statusCode(409)
                .body("type", endsWith("/round-already-started"));
        List<String> open = api(a.token()).queryParam("workingGroupId", group).get("/api/v1/proposals")
                .then().statusCode(200).extract().path("items.id");
        assertThat(open).as("the latest round only").containsExactly(round2);

        respond(a, round2, "AGREE", null, null).then().statusCode(200);
        respond(b, round2, "AGREE", null, null).then().statusCode(200);
        TestClock.travelTo(deadlineOf(second).toInstant().plusSeconds(60));
        assertThat(read(b, round2).getString("status")).as("on read, before the job").isEqualTo("ADOPTED");
        deadlines.run(deadlineOf(second).toInstant().plusSeconds(60));
        JsonPath adopted = read(b, round2);
        assertThat(adopted.getString("status")).isEqualTo("ADOPTED");
        assertThat(adopted.getInt("tally.agree")).isEqualTo(2);
        assertThat(adopted.getList("rounds.status")).containsExactly("SUPERSEDED", "ADOPTED");
        assertThat(read(a, round1).getString("status")).isEqualTo("SUPERSEDED");
        assertThat(eventsOf(round2)).containsExactly("proposal.round_started", "proposal.decided");

        Mailbox.sendAll(mails);
        assertThat(Mailbox.text(Mailbox.only(b.who().email(), "Nouveau tour : Acheter un frigo neuf"))).contains("tour 2");
        Mailbox.only(a.who().email(), "Adoptée : Acheter un frigo neuf");
        Mailbox.only(b.who().email(), "Adoptée : Acheter un frigo neuf");
    }

    @Test
    void afterAdoptionTheAuthorRecordsTheOutcomeAndTheGroupIsRemindedOnceOnTheReviewDate() throws Exception {
        Person author = active("Suivie");
        Person member = active("Membre");
        String group = group(author, member);
        JsonPath proposal = propose(author, group, "CONSENT", "Compost partagé");
        String id = proposal.getString("id");
        var outcome = Map.of("action", "Installer deux bacs dans la cour", "responsible", "Commission jardin",
                "reviewOn", deadlineOf(proposal).toLocalDate().plusDays(30).toString());
        api(author.token()).header("If-Match", "*").contentType(ContentType.JSON).body(outcome)
                .put("/api/v1/proposals/" + id + "/outcome").then().statusCode(409).body("type", endsWith("/proposal-not-adopted"));

        TestClock.travelTo(deadlineOf(proposal).toInstant().plusSeconds(60));
        var read = api(author.token()).get("/api/v1/proposals/" + id).then().statusCode(200).extract();
        assertThat(read.jsonPath().getBoolean("may.recordOutcome")).isTrue();
        api(member.token()).header("If-Match", read.header("ETag")).contentType(ContentType.JSON).body(outcome)
                .put("/api/v1/proposals/" + id + "/outcome").then().statusCode(403);
        api(author.token()).header("If-Match", read.header("ETag")).contentType(ContentType.JSON).body(outcome)
                .put("/api/v1/proposals/" + id + "/outcome").then().statusCode(200)
                .body("outcome.action", equalTo("Installer deux bacs dans la cour"))
                .body("outcome.responsible", equalTo("Commission jardin"));

        deadlines.run(deadlineOf(proposal).toInstant().plus(java.time.Duration.ofDays(29)));
        assertThat(eventsOf(id)).doesNotContain("proposal.review_due");
        deadlines.run(deadlineOf(proposal).toInstant().plus(java.time.Duration.ofDays(31)));
        deadlines.run(deadlineOf(proposal).toInstant().plus(java.time.Duration.ofDays(32)));
        assertThat(eventsOf(id)).containsOnlyOnce("proposal.review_due");
        Mailbox.sendAll(mails);
        assertThat(Mailbox.text(Mailbox.only(member.who().email(), "Bilan de la décision : Compost partagé")))
                .contains("Installer deux bacs dans la cour");
    }

    @Test
    void theMembersWhoHaveNotRespondedAreRemindedOnce48HoursBeforeTheDeadline() throws Exception {
        Person author = active("Rappel");
        Person responded = active("Répondu");
        Person silent = active("Silencieux");
        String group = group(author, responded, silent);
        JsonPath proposal = propose(author, group, "CONSENT", "Fermer en août");
        String id = proposal.getString("id");
        respond(responded, id, "AGREE", null, null).then().statusCode(200);

        deadlines.run(deadlineOf(proposal).toInstant().minus(java.time.Duration.ofHours(49)));
        assertThat(eventsOf(id)).doesNotContain("proposal.closing_soon");
        deadlines.run(deadlineOf(proposal).toInstant().minus(java.time.Duration.ofHours(47)));
        deadlines.run(deadlineOf(proposal).toInstant().minus(java.time.Duration.ofHours(46)));
        assertThat(eventsOf(id)).containsOnlyOnce("proposal.closing_soon");
        Mailbox.sendAll(mails);
        Mailbox.only(silent.who().email(), "Plus que 48 h pour répondre : Fermer en août");
        assertThat(Mailbox.subjects(responded.who().email())).doesNotContain("Plus que 48 h pour répondre : Fermer en août");
        assertThat(Mailbox.subjects(silent.who().email())).contains("Nouvelle proposition : Fermer en août");
    }

    @Test
    void theRulesAreReadByMembersAndChangedByAdminsWithTheirVersion() {
        var read = api(admin()).get("/api/v1/governance/rules").then().statusCode(200).extract();
        int days = read.path("minDeadlineDays");
        int quorum = read.path("consensusQuorumPercent");
        api(admin()).contentType(ContentType.JSON).body(Map.of("minDeadlineDays", 10, "consensusQuorumPercent", quorum))
                .put("/api/v1/governance/rules").then().statusCode(428);
        var changed = api(admin()).header("If-Match", read.header("ETag")).contentType(ContentType.JSON)
                .body(Map.of("minDeadlineDays", 10, "consensusQuorumPercent", quorum)).put("/api/v1/governance/rules")
                .then().statusCode(200).body("minDeadlineDays", equalTo(10)).extract();
        api(admin()).header("If-Match", read.header("ETag")).contentType(ContentType.JSON)
                .body(Map.of("minDeadlineDays", 7, "consensusQuorumPercent", quorum)).put("/api/v1/governance/rules")
                .then().statusCode(412);
        Person member = active("Lectrice");
        api(member.token()).contentType(ContentType.JSON).body(Map.of("title", "Dans 8 jours", "body", "x", "rule", "CONSENT",
                "deadline", inDays(8))).post("/api/v1/proposals").then().statusCode(400).body("errors.field", hasItem("deadline"));
        api(admin()).header("If-Match", changed.header("ETag")).contentType(ContentType.JSON)
                .body(Map.of("minDeadlineDays", days, "consensusQuorumPercent", quorum)).put("/api/v1/governance/rules")
                .then().statusCode(200);
        api(member.token()).get("/api/v1/governance/rules").then().statusCode(200).body("minDeadlineDays", equalTo(days));
    }
}
