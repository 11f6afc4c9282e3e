package coop.panier.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import coop.panier.members.MemberRepository;
import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Tokens;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

@QuarkusTest
@TestProfile(DemoDataTest.WithDemoData.class)
class DemoDataTest extends ApiTest {

    public static class WithDemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("panier.demo-data", "true");
        }
    }

    @Inject
    DemoData demoData;

    @Inject
    MemberRepository members;

    @Inject
    coop.panier.memberships.MembershipScaleRepository scales;

    @Test
    void theDemoUsersAreMembersLinkedToTheirKeycloakAccounts() {
        TestPerson alice = new TestPerson("33333333-3333-4333-8333-333333333333", "alice@panier.example",
                "Alice", "Martin");
        api(Tokens.member(alice)).get("/api/v1/me").then().statusCode(200)
                .body("memberNumber", equalTo("A-0003"))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void theDemoCoopHasAScaleInForceForTheSeason() {
        api(Tokens.member(TestPerson.random("Yves", "Demo"))).get("/api/v1/membership-scales/current")
                .then().statusCode(200)
                .body("brackets.code", org.hamcrest.Matchers.equalTo(java.util.List.of("A", "B", "C", "D")))
                .body("validFrom", org.hamcrest.Matchers.endsWith("-09-01"));
    }

    @Test
    void theDemoCoopHasItsWorkingGroupsAndAnOpenProposalThatRemiAgreesWith() {
        TestPerson alice = new TestPerson("33333333-3333-4333-8333-333333333333", "alice@panier.example",
                "Alice", "Martin");
        String token = Tokens.member(alice);
        java.util.List<String> groups = api(token).queryParam("limit", 200).get("/api/v1/working-groups")
                .then().statusCode(200).extract().path("items.name");
        org.assertj.core.api.Assertions.assertThat(groups).contains("Accueil", "Agora", "Appro", "Communication");
        api(token).get("/api/v1/proposals/d2000000-0000-4000-8000-000000000001").then().statusCode(200)
                .body("title", equalTo("Un frigo pour le local"))
                .body("status", equalTo("OPEN"))
                .body("responses.memberName", equalTo(java.util.List.of("Rémi Lefèvre")))
                .body("may.withdraw", equalTo(true));
    }

    @Test
    void theDemoCatalogueHasProductsInStock() {
        api().queryParam("q", "miel").get("/api/v1/products").then().statusCode(200)
                .body("items[0].name", org.hamcrest.Matchers.equalTo("Miel de fleurs"))
                .body("items[0].stockOnHand", org.hamcrest.Matchers.equalTo(24));
    }

    private static final TestPerson ALICE = new TestPerson("33333333-3333-4333-8333-333333333333",
            "alice@panier.example", "Alice", "Martin");

    @Test
    void aliceHasAPaidMembershipAndOrdersForTheNextSlot() {
        String token = Tokens.member(ALICE);
        api(token).get("/api/v1/memberships").then().statusCode(200).body("items[0].status", equalTo("ACTIVE"));
        java.util.List<String> slots = api(token).get("/api/v1/pickup-slots").path("items.findAll { it.orderable }.id");
        assertThat(slots).hasSizeGreaterThanOrEqualTo(8);
        api(token).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("slotId", slots.get(0), "lines", java.util.List.of(
                        Map.of("productId", "e0000000-0000-4000-8000-000000000004", "quantity", 1.5))))
                .post("/api/v1/orders").then().statusCode(201).body("totalCents", equalTo(435));
    }

    private static final TestPerson REMI = new TestPerson("22222222-2222-4222-8222-222222222222",
            "remi@panier.example", "Rémi", "Lefèvre");

    @Test
    void remiHelpsAtTheDoorAndShiftsAreOpenForTheNextWeeks() {
        String token = Tokens.member(REMI);
        api(token).queryParam("mine", true).get("/api/v1/shifts").then().statusCode(200)
                .body("items.task", equalTo(java.util.List.of("accueil")));
        java.util.List<String> tasks = api(token).queryParam("mine", false).queryParam("limit", 200)
                .get("/api/v1/shifts").then().statusCode(200).extract().path("items.task");
        assertThat(tasks).contains("accueil", "préparation du drive", "réception des livraisons", "ménage");
        int shifts = api(Tokens.admin()).queryParam("limit", 200).get("/api/v1/shifts").<java.util.List<?>>path("items").size();
        demoData.load(null);
        assertThat(api(Tokens.admin()).queryParam("limit", 200).get("/api/v1/shifts").<java.util.List<?>>path("items"))
                .hasSize(shifts);
        api(token).queryParam("mine", true).get("/api/v1/shifts").then().body("items", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void nextMonthsAgoraHasTwoItemsAndRemiFacilitatesIt() {
        String token = Tokens.member(REMI);
        String id = "d1000000-0000-4000-8000-000000000001";
        api(token).get("/api/v1/assemblies/" + id).then().statusCode(200).body("canFacilitate", equalTo(true))
                .body("agendaOpen", equalTo(true)).body("facilitator.firstName", equalTo("Rémi"));
        demoData.load(null);
        api(token).get("/api/v1/assemblies/" + id + "/agenda-items").then().statusCode(200)
                .body("items.title", equalTo(java.util.List.of("Un frigo pour le local", "Les horaires d'ouverture de l'été")));
    }

    @Test
    void theMartinsOweTwoHoursOfLastMonthAndAreToldWhatBringsThemBack() {
        String token = Tokens.member(ALICE);
        io.restassured.response.Response account = api(token).get("/api/v1/me/volunteer-hours");
        account.then().statusCode(200).body("householdName", equalTo("Foyer Martin")).body("adults", equalTo(2));
        // Last month: 2 adults × 3 h owed, 4 h done; whether the grace has run out depends on today's date.
        assertThat(account.<String>path("standing")).as(account.asString()).isIn("ALERT", "SUSPENDED");
        assertThat(account.<String>path("sentence")).contains("2 h");
        java.util.List<Integer> credited = account.path("months.creditedMinutes");
        assertThat(credited).contains(240);
        demoData.load(null);
        assertThat(api(token).get("/api/v1/me/volunteer-hours").<java.util.List<Integer>>path("months.creditedMinutes"))
                .isEqualTo(credited);
    }

    @Test
    void theCoopCollectsForAFridgeAndAnonymousPledgersStayAnonymous() {
        String fridge = "c3000000-0000-4000-8000-000000000001";
        String bruno = Tokens.member(TestPerson.random("Visiteur", "Demo"));
        api(bruno).get("/api/v1/fundraisers/" + fridge).then().statusCode(200)
                .body("title", equalTo("Un frigo pour le local")).body("goalCents", equalTo(60_000))
                .body("pledgedCents", equalTo(23_000)).body("pledgers", equalTo(3)).body("status", equalTo("OPEN"));
        io.restassured.response.Response pledges = api(bruno).get("/api/v1/fundraisers/" + fridge + "/pledges");
        assertThat(pledges.<java.util.List<Integer>>path("items.amountCents")).containsExactlyInAnyOrder(15_000, 5_000, 3_000);
        // Rémi's pledge is anonymous: no name in it for another member.
        assertThat(pledges.<java.util.List<String>>path("items.pledger.firstName")).containsExactlyInAnyOrder("Camille", "Alice");
        demoData.load(null);
        api(bruno).get("/api/v1/fundraisers/" + fridge).then().body("pledgedCents", equalTo(23_000));
    }

    @Test
    void loadingAgainChangesNothingAndNewMembersAreNumberedAfter() {
        long before = members.count();
        long scalesBefore = scales.count();
        String admin = Tokens.admin();
        int slotsBefore = api(admin).get("/api/v1/pickup-slots").<java.util.List<?>>path("items").size();
        demoData.load(null);
        assertThat(members.count()).isEqualTo(before);
        assertThat(scales.count()).isEqualTo(scalesBefore);
        assertThat(api(admin).get("/api/v1/pickup-slots").<java.util.List<?>>path("items")).hasSize(slotsBefore);
        api(Tokens.member(ALICE)).get("/api/v1/memberships").then().body("items", org.hamcrest.Matchers.hasSize(1))
                .body("items[0].leftToPayCents", equalTo(0));
        api().queryParam("q", "miel").get("/api/v1/products").then()
                .body("items[0].stockOnHand", org.hamcrest.Matchers.equalTo(24));

        String number = api(Tokens.member(TestPerson.random("Zoé", "Klein"))).get("/api/v1/me").path("memberNumber");
        assertThat(Integer.parseInt(number.substring(2))).isGreaterThan(4);
    }

    @Test
    void theNeighbourhoodSeesTheDiscoSoupeAndAliceHerPlaceAtTheMembersWorkshop() {
        java.util.List<String> open = api().get("/api/v1/public/events").then().statusCode(200).extract().path("items.title");
        assertThat(open).contains("Disco soupe").doesNotContain("Comment mieux manger ?");
        java.util.List<String> mine = api(Tokens.member(ALICE)).get("/api/v1/events").then().statusCode(200)
                .extract().path("items.findAll { it.title == 'Comment mieux manger ?' }.registrationStatus");
        assertThat(mine).containsExactly("CONFIRMED");
    }
}
