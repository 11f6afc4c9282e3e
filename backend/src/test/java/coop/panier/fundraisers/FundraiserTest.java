package coop.panier.fundraisers;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.drive.DriveFixtures.as;
import static coop.panier.fundraisers.FundraiserFixtures.PROBLEMS;
import static coop.panier.fundraisers.FundraiserFixtures.ZONE;
import static coop.panier.fundraisers.FundraiserFixtures.charges;
import static coop.panier.fundraisers.FundraiserFixtures.events;
import static coop.panier.fundraisers.FundraiserFixtures.fundraiser;
import static coop.panier.fundraisers.FundraiserFixtures.history;
import static coop.panier.fundraisers.FundraiserFixtures.open;
import static coop.panier.fundraisers.FundraiserFixtures.opened;
import static coop.panier.fundraisers.FundraiserFixtures.pledge;
import static coop.panier.fundraisers.FundraiserFixtures.withdraw;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.integrations.MailDeliveries;
import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Mailbox;
import coop.panier.testsupport.TestClock;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class FundraiserTest extends ApiTest {

    @Inject
    MembershipScaleRepository scales;

    @Inject
    DataSource dataSource;

    @Inject
    FundraiserDeadlines deadlines;

    @Inject
    java.time.Clock clock;

    @Inject
    MailDeliveries mails;

    @BeforeEach
    void aScale() {
        TestScales.ensureOneInForceToday(scales);
    }

    /** The household's ledger entries as its member reads them: "KIND amount reference" lines. */
    private static List<String> ledger(String token) {
        String household = as(token).get("/api/v1/me").then().statusCode(200).extract().path("householdId");
        List<Map<String, Object>> items = as(token).get("/api/v1/households/" + household + "/ledger").then()
                .statusCode(200).extract().path("items");
        return items.stream().filter(e -> e.get("kind").equals("FUNDRAISER_PLEDGE"))
                .map(e -> e.get("kind") + " " + e.get("amountCents") + " " + e.get("reference")).toList();
    }

    @Test
    void aMemberOpensAFundraiserAndEveryoneSeesItsProgress() throws Exception {
        String alice = activeMember("Alice");
        String id = opened(alice, "Un frigo pour le local", 60_000, 30);

        Response read = fundraiser(member(TestPerson.random("Autre", "Membre")), id);
        read.then().statusCode(200).body("title", equalTo("Un frigo pour le local")).body("status", equalTo("OPEN"))
                .body("goalCents", equalTo(60_000)).body("pledgedCents", equalTo(0)).body("percent", equalTo(0))
                .body("pledgers", equalTo(0)).body("myPledge", nullValue()).body("openedBy.firstName", equalTo("Alice"));
        pledge(alice, id, 15_000, false).then().statusCode(201)
                .header("Location", containsString("/api/v1/fundraisers/" + id + "/pledges/mine"))
                .body("pledgedCents", equalTo(15_000)).body("percent", equalTo(25)).body("pledgers", equalTo(1))
                .body("myPledge.amountCents", equalTo(15_000)).body("myPledge.status", equalTo("PROMISED"));
        List<String> open = as(alice).queryParam("status", "OPEN").queryParam("limit", 200).get("/api/v1/fundraisers")
                .then().statusCode(200).extract().path("items.id");
        assertThat(open).contains(id);
        assertThat(events(dataSource, id)).containsExactly("fundraiser.opened");
    }

    @Test
    void pledgesAreChargedOnlyWhenTheGoalIsReachedAndOnce() throws Exception {
        TestPerson annaPerson = TestPerson.random("Anna", "Cagnotte");
        String anna = activeMember(annaPerson);
        String bruno = activeMember("Bruno");
        String chloe = activeMember("Chloe");
        String id = opened(anna, "Une balance pour le vrac", 10_000, 30);

        pledge(anna, id, 3_000, false).then().statusCode(201);
        pledge(bruno, id, 4_000, false).then().statusCode(201);
        pledge(bruno, id, 2_000, false).then().statusCode(200).body("pledgedCents", equalTo(5_000));
        withdraw(anna, id).then().statusCode(204);
        pledge(anna, id, 3_000, true).then().statusCode(201);
        assertThat(charges(dataSource, id)).as("promises are charged nothing").isEmpty();
        assertThat(ledger(anna)).isEmpty();

        pledge(chloe, id, 5_000, false).then().statusCode(201).body("status", equalTo("REACHED"))
                .body("pledgedCents", equalTo(10_000)).body("percent", equalTo(100)).body("pledgers", equalTo(3))
                .body("myPledge.status", equalTo("DUE")).body("reachedAt", org.hamcrest.Matchers.notNullValue());

        assertThat(charges(dataSource, id)).hasSize(3).extracting(line -> line.split(" ")[1])
                .containsExactlyInAnyOrder("3000", "2000", "5000");
        assertThat(ledger(anna)).containsExactly("FUNDRAISER_PLEDGE 3000 Cagnotte « Une balance pour le vrac »");
        assertThat(ledger(bruno)).containsExactly("FUNDRAISER_PLEDGE 2000 Cagnotte « Une balance pour le vrac »");
        assertThat(history(dataSource, id)).as("nothing deleted: the changed and withdrawn pledges stay")
                .containsExactly("WITHDRAWN 3000", "CHANGED 4000", "DUE 2000", "DUE 3000", "DUE 5000");
        assertThat(events(dataSource, id)).containsExactly("fundraiser.opened", "fundraiser.reached");
        Mailbox.sendAll(mails);
        var mail = Mailbox.only(annaPerson.email(), "Objectif atteint : « Une balance pour le vrac »");
        assertThat(Mailbox.text(mail)).contains("100,00 €").contains("portée au compte de votre foyer")
                .contains("/cagnottes/" + id);
    }

    @Test
    void afterTheGoalIsReachedPledgesCanNoLongerBeMadeChangedOrWithdrawn() throws Exception {
        String dora = activeMember("Dora");
        String emile = activeMember("Emile");
        String id = opened(dora, "Des bocaux", 5_000, 30);
        pledge(dora, id, 5_000, false).then().statusCode(201).body("status", equalTo("REACHED"));

        for (Response refused : List.of(pledge(dora, id, 6_000, false), pledge(dora, id, 5_000, true),
                withdraw(dora, id), pledge(emile, id, 1_000, false))) {
            refused.then().statusCode(409).contentType(containsString("problem+json"))
                    .body("type", equalTo(PROBLEMS + "fundraiser-reached"));
        }
        pledge(dora, id, 5_000, false).then() // a retry of the pledge that stands
               .statusCode(200)
                .body("myPledge.status", equalTo("DUE"));
        assertThat(charges(dataSource, id)).hasSize(1);
        try (Connection c = dataSource.getConnection()) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "update fundraiser_pledge set status = 'WITHDRAWN', ended_at = now() where fundraiser_id = '" + id + "'"))
                    .as("PostgreSQL keeps a due pledge").hasMessageContaining("never changes");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("insert into ledger_entry (id, household_id, kind,"
                    + " amount_cents, occurred_on, pledge_id) select gen_random_uuid(), household_id, 'FUNDRAISER_PLEDGE',"
                    + " amount_cents, current_date, id from fundraiser_pledge where fundraiser_id = '" + id + "'"))
                    .as("PostgreSQL refuses a second charge").hasMessageContaining("ledger_one_charge_per_pledge");
        }
    }

    @Test
    void aFundraiserThatMissesItsGoalClosesAtItsDeadlineAndChargesNothing() throws Exception {
        TestPerson fannyPerson = TestPerson.random("Fanny", "Cagnotte");
        String fanny = activeMember(fannyPerson);
        String gael = activeMember("Gael");
        String id = opened(fanny, "Un vélo cargo", 150_000, 3);
        pledge(fanny, id, 20_000, false).then().statusCode(201);
        pledge(gael, id, 30_000, true).then().statusCode(201);

        TestClock.travelTo(OffsetDateTime.parse(fundraiser(fanny, id).path("deadline")).toInstant().plusSeconds(60));
        // closed as soon as the deadline passed, before the job
        fundraiser(fanny, id).then().statusCode(200)
                .body("status", equalTo("MISSED")).body("myPledge.status", equalTo("RELEASED"))
                .body("pledgedCents", equalTo(50_000));
        List<String> missed = as(fanny).queryParam("status", "MISSED").queryParam("limit", 200)
                .get("/api/v1/fundraisers").then().statusCode(200).extract().path("items.id");
        assertThat(missed).contains(id);
        pledge(gael, id, 40_000, false).then().statusCode(409).body("type", equalTo(PROBLEMS + "fundraiser-closed"));
        withdraw(gael, id).then().statusCode(409).body("type", equalTo(PROBLEMS + "fundraiser-closed"));

        assertThat(deadlines.close(clock.instant())).isGreaterThanOrEqualTo(1);
        assertThat(deadlines.close(clock.instant())).as("a second run closes nothing").isZero();
        assertThat(history(dataSource, id)).containsExactly("RELEASED 20000", "RELEASED 30000");
        assertThat(charges(dataSource, id)).isEmpty();
        assertThat(ledger(gael)).isEmpty();
        assertThat(events(dataSource, id)).containsExactly("fundraiser.opened", "fundraiser.missed");
        Mailbox.sendAll(mails);
        assertThat(Mailbox.text(Mailbox.only(fannyPerson.email(), "Cagnotte close sans atteindre l'objectif")))
                .contains("rien n'est débité");
    }

    @Test
    void anonymousPledgersAreHiddenFromOtherMembersButNotFromAdmins() {
        String hugo = activeMember("Hugo");
        String ines = activeMember("Ines");
        String id = opened(hugo, "Une étagère", 40_000, 30);
        pledge(hugo, id, 1_000, false).then().statusCode(201);
        pledge(ines, id, 2_000, true).then().statusCode(201);

        String path = "/api/v1/fundraisers/" + id + "/pledges";
        as(hugo).get(path).then().statusCode(200)
                .body("items.amountCents", equalTo(List.of(1_000, 2_000)))
                .body("items[0].pledger.firstName", equalTo("Hugo")).body("items[0].mine", equalTo(true))
                .body("items[1].anonymous", equalTo(true)).body("items[1].pledger", nullValue());
        // the pledger sees their own name
        as(ines).get(path).then().statusCode(200)
                .body("items[1].pledger.firstName", equalTo("Ines")).body("items[1].mine", equalTo(true));
        // admins see every name
        as(admin()).get(path).then().statusCode(200)
                .body("items[1].anonymous", equalTo(true)).body("items[1].pledger.firstName", equalTo("Ines"));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String jules = activeMember("Jules");
        open(jules, "Trop tard", 10_000, OffsetDateTime.now(ZONE).minusHours(1)).then().statusCode(400)
                .body("errors[0].field", equalTo("deadline"));
        open(jules, "Trop loin", 10_000, OffsetDateTime.now(ZONE).plusYears(3)).then().statusCode(400)
                .body("errors[0].field", equalTo("deadline"));
        String id = opened(jules, "Un panneau", 10_000, 10);
        outsideContract().auth().oauth2(jules).contentType(ContentType.JSON).body(Map.of("amountCents", 0))
                .put("/api/v1/fundraisers/" + id + "/pledges/mine").then().statusCode(400);
        pledge(jules, java.util.UUID.randomUUID().toString(), 1_000, false).then().statusCode(404);
        withdraw(jules, id).then().statusCode(404);
    }

    @Test
    void aMemberWhoseMembershipIsNotPaidNeitherOpensNorPledges() {
        String paid = activeMember("Karim");
        String id = opened(paid, "Des cagettes", 10_000, 10);
        String unpaid = member(TestPerson.random("Lea", "Impayee"));
        coop.panier.drive.DriveFixtures.joined(unpaid);
        pledge(unpaid, id, 1_000, false).then().statusCode(409).body("type", equalTo(PROBLEMS + "member-pending"));
        open(unpaid, "La mienne", 10_000, OffsetDateTime.now(ZONE).plusDays(5)).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "member-pending"));
    }
}
