package coop.panier.common;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.drive.DriveFixtures.placed;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.drive.DriveFixtures.slot;
import static coop.panier.testsupport.Tokens.integration;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * What an integration does with its scopes: a till records what it received, an accounting
 * tool reads every order and membership and records payments. It sees everyone's, not "its
 * own" (it has none), and never more than its scopes open, whatever realm roles its service
 * account holds.
 */
@QuarkusTest
class IntegrationAccessTest extends ApiTest {

    @Inject
    MembershipScaleRepository scales;

    @BeforeEach
    void aScale() {
        TestScales.ensureOneInForceToday(scales);
    }

    @Test
    void aTillWithStockWriteRecordsAReceptionAndTheShelfShowsIt() {
        String flour = product("Farine de meule", 350, 1, 5);
        String till = integration(Set.of(), "stock:write", "catalog:read");
        api(till).contentType(ContentType.JSON).body(Map.of("kind", "RECEPTION", "quantity", 10, "note", "Caisse"))
                .post("/api/v1/products/" + flour + "/stock-movements").then().statusCode(201);
        assertThat(api(till).get("/api/v1/products/" + flour).then().extract().jsonPath().getDouble("onHand"))
                .isEqualTo(15.0);
        api(integration(Set.of("admin"), "catalog:read")).contentType(ContentType.JSON)
                .body(Map.of("kind", "RECEPTION", "quantity", 1))
                .post("/api/v1/products/" + flour + "/stock-movements").then().statusCode(403);
    }

    @Test
    void anAccountingToolReadsEveryonesOrdersAndMembershipsAndRecordsAPayment() {
        String slot = slot(10, 9);
        String jam = product("Confiture d'abricot", 480, 1, 10);
        String first = placed(activeMember("Ophélie"), slot, jam, 1);
        String second = placed(activeMember("Pierre"), slot, jam, 2);
        String books = integration(Set.of(), "orders:read", "memberships:read", "ledger:write");

        List<String> orders = api(books).queryParam("slotId", slot).get("/api/v1/orders").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertThat(orders).containsExactlyInAnyOrder(first, second);
        assertThat(api(books).get("/api/v1/orders/" + first).then().statusCode(200).extract().<String>path("memberName"))
                .startsWith("Ophélie");

        String newcomer = coop.panier.testsupport.Tokens.member(
                coop.panier.testsupport.Tokens.TestPerson.random("Quentin", "Compta"));
        var joined = coop.panier.drive.DriveFixtures.joined(newcomer);
        String membership = joined.path("id");
        int due = joined.path("leftToPayCents");
        api(books).get("/api/v1/memberships/" + membership).then().statusCode(200);
        api(books).contentType(ContentType.JSON)
                .body(Map.of("amountCents", due, "method", "TRANSFER", "paidOn", java.time.LocalDate.now().toString()))
                .post("/api/v1/memberships/" + membership + "/payments").then().statusCode(201);
        assertThat(api(books).get("/api/v1/memberships/" + membership).then().extract().<Integer>path("leftToPayCents"))
                .isZero();
        api(books).get("/api/v1/members").then().statusCode(403);
    }
}
