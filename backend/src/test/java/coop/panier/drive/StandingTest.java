package coop.panier.drive;

import static coop.panier.drive.DriveFixtures.order;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.drive.DriveFixtures.slot;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.members.RecordingSignInAccounts;
import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * A member's standing is checked the same way by every operation that needs it, with one
 * problem type per reason; suspending or marking as left closes the Keycloak sign-in.
 */
@QuarkusTest
class StandingTest extends ApiTest {

    private static final String PROBLEMS = "https://panier.coop/problems/";

    @Inject
    MembershipScaleRepository scales;

    @Inject
    RecordingSignInAccounts accounts;

    private String honey;
    private String slot;

    @BeforeEach
    void productsAndASlot() {
        TestScales.ensureOneInForceToday(scales);
        honey = product("Miel de standing", 850, 1, 100);
        slot = slot(10, 7);
    }

    private static Response changeStatus(String token, String status, String reason) {
        String id = api(token).get("/api/v1/me").path("id");
        String etag = api(admin()).get("/api/v1/members/" + id).header("ETag");
        Response changed = api(admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", status, "reason", reason)).post("/api/v1/members/" + id + "/status-changes");
        changed.then().statusCode(200);
        return changed;
    }

    private static void refused(Response answer, String type) {
        ValidatableResponse then = answer.then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + type));
        then.body("detail", containsString(" "));
    }

    private Response changeOrder(String token, String orderId, int quantity) {
        String etag = api(token).get("/api/v1/orders/" + orderId).header("ETag");
        return api(token).contentType(ContentType.JSON).header("If-Match", etag)
                .body(order(slot, honey, quantity)).put("/api/v1/orders/" + orderId);
    }

    private static Response renew(String token) {
        return api(token).contentType(ContentType.JSON)
                .body(Map.of("monthlyIncomeCents", 150_000, "household", Map.of("adults", 1, "children", 0),
                        "solidarityCents", 0))
                .post("/api/v1/me/membership");
    }

    private static Response editHousehold(String token, int adults) {
        String household = api(token).get("/api/v1/me").path("householdId");
        Response current = api(token).get("/api/v1/households/" + household);
        return api(token).contentType(ContentType.JSON).header("If-Match", current.header("ETag"))
                .body(Map.of("name", current.<String>path("name"), "adults", adults, "children", 0))
                .put("/api/v1/households/" + household);
    }

    @Test
    void aSuspendedMemberIsRefusedEverywhereAndCannotSignInUntilReactivated() {
        TestPerson person = TestPerson.random("Suzanne", "Suspendue");
        String token = DriveFixtures.activeMember(person);
        String orderId = orderOne(token, 1);

        changeStatus(token, "SUSPENDED", "Impayés répétés");
        assertThat(accounts.callsFor(person.subject())).extracting(RecordingSignInAccounts.Call::what)
                .containsExactly("disable");

        refused(changeOrder(token, orderId, 1000), "member-suspended");
        refused(api(token).post("/api/v1/pickup-slots/" + slot(1, 8) + "/waitlist"), "member-suspended");
        refused(renew(token), "member-suspended");
        refused(editHousehold(token, 3), "member-suspended");
        refused(api(token).contentType(ContentType.JSON).body(order(slot(5, 9), honey, 1)).post("/api/v1/orders"),
                "member-suspended");
        api(token).get("/api/v1/orders/" + orderId).then().statusCode(200).body("lines[0].quantity", equalTo(1));

        changeStatus(token, "ACTIVE", "Situation régularisée");
        assertThat(accounts.callsFor(person.subject())).extracting(RecordingSignInAccounts.Call::what)
                .containsExactly("disable", "enable");
        changeOrder(token, orderId, 2).then().statusCode(200);
        editHousehold(token, 2).then().statusCode(200);
    }

    @Test
    void aMemberWhoLeftIsRefusedWithItsOwnReason() {
        TestPerson person = TestPerson.random("Louis", "Parti");
        String token = DriveFixtures.activeMember(person);
        String orderId = orderOne(token, 1);

        changeStatus(token, "LEFT", "Déménagement");
        assertThat(accounts.callsFor(person.subject())).extracting(RecordingSignInAccounts.Call::what)
                .containsExactly("disable");
        refused(changeOrder(token, orderId, 3), "member-left");
        refused(api(token).post("/api/v1/pickup-slots/" + slot + "/waitlist"), "member-left");
        refused(renew(token), "member-left");
        refused(editHousehold(token, 2), "member-left");
    }

    @Test
    void aPendingMemberAndOneWithoutAPaidMembershipAreToldWhatToDo() {
        String newcomer = member(TestPerson.random("Nina", "Nouvelle"));
        api(newcomer).get("/api/v1/me").then().statusCode(200);
        refused(api(newcomer).contentType(ContentType.JSON).body(order(slot, honey, 1)).post("/api/v1/orders"),
                "member-pending");
        refused(api(newcomer).post("/api/v1/pickup-slots/" + slot + "/waitlist"), "member-pending");

        // Active by an admin's decision, but no paid membership covers today.
        String unpaid = member(TestPerson.random("Ulysse", "Impayé"));
        api(unpaid).get("/api/v1/me").then().statusCode(200);
        changeStatus(unpaid, "ACTIVE", "Validé par le bureau");
        refused(api(unpaid).contentType(ContentType.JSON).body(order(slot, honey, 1)).post("/api/v1/orders"),
                "membership-lapsed");
        // Joining is what mends it: it stays open.
        renew(unpaid).then().statusCode(201);
    }

    @Test
    void anOrderChangedByAnAdminForASuspendedMemberIsStillPossible() {
        String token = DriveFixtures.activeMember(TestPerson.random("Arthur", "Suspendu"));
        String orderId = orderOne(token, 2);
        changeStatus(token, "SUSPENDED", "Impayés");
        String etag = api(admin()).get("/api/v1/orders/" + orderId).header("ETag");
        api(admin()).contentType(ContentType.JSON).header("If-Match", etag).body(order(slot, honey, 1))
                .put("/api/v1/orders/" + orderId).then().statusCode(200);
    }

    private String orderOne(String token, int quantity) {
        return api(token).contentType(ContentType.JSON).body(order(slot, honey, quantity)).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
    }
}
