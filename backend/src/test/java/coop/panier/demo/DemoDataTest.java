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
    void theDemoCatalogueHasProductsInStock() {
        api().queryParam("q", "miel").get("/api/v1/products").then().statusCode(200)
                .body("items[0].name", org.hamcrest.Matchers.equalTo("Miel de fleurs"))
                .body("items[0].stockOnHand", org.hamcrest.Matchers.equalTo(24));
    }

    @Test
    void loadingAgainChangesNothingAndNewMembersAreNumberedAfter() {
        long before = members.count();
        long scalesBefore = scales.count();
        demoData.load(null);
        assertThat(members.count()).isEqualTo(before);
        assertThat(scales.count()).isEqualTo(scalesBefore);
        api().queryParam("q", "miel").get("/api/v1/products").then()
                .body("items[0].stockOnHand", org.hamcrest.Matchers.equalTo(24));

        String number = api(Tokens.member(TestPerson.random("Zoé", "Klein"))).get("/api/v1/me").path("memberNumber");
        assertThat(Integer.parseInt(number.substring(2))).isGreaterThan(4);
    }
}
