package coop.panier.common;

import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.integration;
import static coop.panier.testsupport.Tokens.member;
import static coop.panier.volunteering.ShiftFixtures.shiftIn;
import static coop.panier.volunteering.ShiftFixtures.signedUp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;


import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Contract;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every operation of the contract checks who calls it, as its `x-panier-roles` says: nobody
 * gets in without a token but to public reads, and a plain member (no référent role) gets a
 * 403 from every admin operation and every référent one. Integrations (client-credentials
 * tokens) get in only where the operation's `panierIntegration` security lists their scope,
 * whatever realm roles their service account holds.
 */
@QuarkusTest
class AuthorizationMatrixTest extends ApiTest {

    /** Every realm role: an integration's service account may hold any of them, and none may count. */
    private static final Set<String> ALL_ROLES = Set.of("member", "referent", "admin");

    record Operation(String method, String path, String id, String roles, String mediaType, Set<String> scopes) {

        /**
         * The path with a made-up id in every parameter (authorization comes before lookup), and
         * today where it takes a day: a made-up id there would stop at the path, before a door check.
         */
        String concretePath() {
            return path.replace("{day}", LocalDate.now().toString()).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }

        /** Sends a body of the media type the operation declares, so that only authorization can refuse it. */
        Response send(io.restassured.specification.RequestSpecification request) {
            if (mediaType != null) {
                request.contentType(mediaType).body(mediaType.equals("application/json") ? "{}" : "x");
            }
            return request.request(method.toUpperCase(), concretePath());
        }
    }

    static List<Operation> operations() {
        return Contract.operations().stream().map(op -> {
            var content = op.node().path("requestBody").path("content").fieldNames();
            Set<String> scopes = new TreeSet<>();
            op.node().path("security").forEach(requirement -> requirement.path("panierIntegration")
                    .forEach(scope -> scopes.add(scope.asText())));
            return new Operation(op.method(), op.path(), op.id(), op.node().path("x-panier-roles").asText(null),
                    content.hasNext() ? content.next() : null, scopes);
        }).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationSaysWhoMayCallIt() throws Exception {
        return operations().stream().map(op -> DynamicTest.dynamicTest(op.id(),
                () -> assertThat(op.roles()).as(op.id() + " has x-panier-roles")
                        .isIn("public", "signed-in", "member", "admin", "admin-or-own", "admin-or-referent",
                                "admin-or-door", "admin-or-coordinator", "admin-or-facilitator")));
    }

    @TestFactory
    Stream<DynamicTest> withoutATokenEveryOperationButPublicOnesIs401() throws Exception {
        return operations().stream().filter(op -> !"public".equals(op.roles())).map(op -> DynamicTest.dynamicTest(op.method() + " " + op.path(), () -> {
            Response response = op.send(outsideContract());
            assertThat(response.statusCode()).as(op.id()).isEqualTo(401);
            assertThat(response.contentType()).as(op.id()).startsWith("application/problem+json");
        }));
    }

    @TestFactory
    Stream<DynamicTest> aMemberGetsA403FromEveryAdminOperation() throws Exception {
        String token = member(TestPerson.random("Matrix", "Member"));
        // admin-or-coordinator: the right comes from the shift, checked once the body is read (below).
        return operations().stream().filter(op -> op.roles().startsWith("admin") && !"admin-or-own".equals(op.roles())
                        && !"admin-or-coordinator".equals(op.roles()) && !"admin-or-facilitator".equals(op.roles()))
                .map(op -> DynamicTest.dynamicTest(op.method() + " " + op.path(), () -> {
                    Response response = op.send(outsideContract().auth().oauth2(token));
                    assertThat(response.statusCode()).as(op.id()).isEqualTo(403);
                }));
    }

    /**
     * A shift's coordinator may do what admins do on that shift's attendance; any other member
     * gets a 403, for a valid request (the operation's own example) as for a shift that does not exist.
     */
    @TestFactory
    Stream<DynamicTest> aMemberWhoDoesNotCoordinateTheShiftGetsA403() throws Exception {
        String token = member(TestPerson.random("Matrix", "Volunteer"));
        return Contract.operations().stream().filter(op -> "admin-or-coordinator".equals(op.node().path("x-panier-roles").asText()))
                .map(op -> DynamicTest.dynamicTest(op.method() + " " + op.path(), () -> {
                    var request = outsideContract().auth().oauth2(token);
                    var media = op.node().path("requestBody").path("content").path("application/json");
                    if (!media.isMissingNode()) {
                        var examples = media.path("examples").elements();
                        request.contentType("application/json").body(Contract.resolve(examples.next()).path("value").toString());
                    }
                    Response response = request.request(op.method().toUpperCase(),
                            op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString()));
                    assertThat(response.statusCode()).as(op.node().path("operationId").asText()).isEqualTo(403);
                }));
    }

    /**
     * An assembly's facilitator runs its live mode as admins do; any other member gets a 403,
     * for an assembly that does not exist as for one they do not facilitate.
     */
    @TestFactory
    Stream<DynamicTest> aMemberWhoDoesNotFacilitateTheAssemblyGetsA403() throws Exception {
        String token = member(TestPerson.random("Matrix", "Participant"));
        return operations().stream().filter(op -> "admin-or-facilitator".equals(op.roles()))
                .map(op -> DynamicTest.dynamicTest(op.method() + " " + op.path(), () -> {
                    var request = outsideContract().auth().oauth2(token);
                    var media = Contract.operations().stream().filter(o -> o.id().equals(op.id())).findFirst().orElseThrow()
                            .node().path("requestBody").path("content").path("application/json");
                    if (!media.isMissingNode()) {
                        request.contentType("application/json")
                                .body(Contract.resolve(media.path("examples").elements().next()).path("value").toString())
                                .header("If-Match", "\"0\"");
                    }
                    Response response = request.request(op.method().toUpperCase(), op.concretePath());
                    assertThat(response.statusCode()).as(op.id()).isEqualTo(403);
                }));
    }

    @TestFactory
    Stream<DynamicTest> publicOperationsAnswerWithoutAToken() throws Exception {
        return operations().stream().filter(op -> "public".equals(op.roles()))
                .map(op -> DynamicTest.dynamicTest(op.method() + " " + op.path(), () -> {
                    Response response = op.send(outsideContract());
                    assertThat(response.statusCode()).as(op.id()).isNotIn(401, 403);
                }));
    }

    @TestFactory
    Stream<DynamicTest> anAdminGetsPastTheRoleCheckOfEveryOperation() throws Exception {
        String token = admin();
        return operations().stream().map(op -> DynamicTest.dynamicTest(op.method() + " " + op.path(), () -> {
            Response response = op.send(outsideContract().auth().oauth2(token));
            assertThat(response.statusCode()).as(op.id() + " " + response.asString()).isNotIn(401, 403);
        }));
    }

    /**
     * `admin-or-door`: a right that comes from a door shift, not from a role. The same member is
     * refused the day before their « accueil » shift, and let in from an hour before another
     * one; the shifts are made at those times from now, the clock is left alone.
     */
    @Test
    void aMemberOnADoorShiftIsLetInFromAnHourBeforeItAndRefusedTheDayBefore() {
        List<Operation> door = operations().stream().filter(op -> "admin-or-door".equals(op.roles())).toList();
        assertThat(door).extracting(Operation::id).containsExactlyInAnyOrder("getSlotPreparationList",
                "getDayPreparationList", "recordPickup");
        String token = member(TestPerson.random("Matrix", "Door"));
        api(token).get("/api/v1/me").then().statusCode(200);
        signedUp(token, shiftIn("accueil", 2, Duration.ofHours(25), Duration.ofHours(2)));
        for (Operation op : door) {
            assertThat(op.send(outsideContract().auth().oauth2(token)).statusCode()).as(op.id() + ", the day before")
                    .isEqualTo(403);
        }
        signedUp(token, shiftIn("accueil", 2, Duration.ofMinutes(55), Duration.ofHours(2)));
        for (Operation op : door) {
            Response response = op.send(outsideContract().auth().oauth2(token));
            assertThat(response.statusCode()).as(op.id() + ", an hour before " + response.asString()).isNotIn(401, 403);
        }
    }

    /**
     * Workshops: anonymous visitors reach the public events (their pages, their calendar, a
     * guest's registration by its key) under /api/v1/public only; the members' workshops
     * (/api/v1/events) always need a token. That a members' workshop never shows through the
     * public paths is WorkshopTest's and PublicEventTest's.
     */
    @Test
    void theWorkshopsAnonymousOperationsAreThePublicEventsOnly() {
        assertThat(operations().stream().filter(op -> op.path().startsWith("/api/v1/events")).map(Operation::roles))
                .isNotEmpty().doesNotContain("public");
        assertThat(operations().stream().filter(op -> op.path().startsWith("/api/v1/public/")).map(Operation::id))
                .containsExactlyInAnyOrder("listPublicWorkshops", "getPublicWorkshop", "getPublicWorkshopCalendar",
                        "registerGuestForWorkshop", "getGuestRegistration", "cancelGuestRegistration");
    }

    /** The scopes the contract grants, for the lead's Keycloak client scopes and for the report. */
    static Set<String> allScopes() throws Exception {
        Set<String> all = new TreeSet<>();
        operations().forEach(op -> all.addAll(op.scopes()));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> anIntegrationWithoutScopesGetsA403FromEveryOperation() throws Exception {
        String token = integration(ALL_ROLES);
        return operations().stream().map(op -> DynamicTest.dynamicTest(op.method() + " " + op.path(), () -> {
            Response response = op.send(outsideContract().auth().oauth2(token));
            assertThat(response.statusCode()).as(op.id() + " " + response.asString()).isEqualTo(403);
            assertThat(response.contentType()).as(op.id()).startsWith("application/problem+json");
        }));
    }

    @TestFactory
    Stream<DynamicTest> anOperationWithoutScopesRefusesAnIntegrationHoldingEveryScope() throws Exception {
        String token = integration(ALL_ROLES, allScopes().toArray(String[]::new));
        return operations().stream().filter(op -> op.scopes().isEmpty())
                .map(op -> DynamicTest.dynamicTest(op.method() + " " + op.path(), () -> {
                    Response response = op.send(outsideContract().auth().oauth2(token));
                    assertThat(response.statusCode()).as(op.id() + " " + response.asString()).isEqualTo(403);
                }));
    }

    @TestFactory
    Stream<DynamicTest> anIntegrationWithTheOperationsScopeGetsIn() throws Exception {
        return operations().stream().filter(op -> !op.scopes().isEmpty())
                .map(op -> DynamicTest.dynamicTest(op.method() + " " + op.path() + " " + op.scopes(), () -> {
                    String token = integration(Set.of(), op.scopes().toArray(String[]::new));
                    Response response = op.send(outsideContract().auth().oauth2(token));
                    assertThat(response.statusCode()).as(op.id() + " " + response.asString()).isNotIn(401, 403);
                }));
    }

    @TestFactory
    Stream<DynamicTest> anIntegrationWithOtherScopesGetsA403() throws Exception {
        Set<String> all = allScopes();
        return operations().stream().filter(op -> !op.scopes().isEmpty())
                .map(op -> DynamicTest.dynamicTest(op.method() + " " + op.path() + " " + op.scopes(), () -> {
                    String token = integration(ALL_ROLES,
                            all.stream().filter(s -> !op.scopes().contains(s)).toArray(String[]::new));
                    Response response = op.send(outsideContract().auth().oauth2(token));
                    assertThat(response.statusCode()).as(op.id() + " " + response.asString()).isEqualTo(403);
                }));
    }

    @Test
    void theContractGrantsTheseScopes() throws Exception {
        assertThat(allScopes()).containsExactly("catalog:read", "catalog:write", "ledger:write", "members:read",
                "memberships:read", "orders:read", "scales:read", "slots:read", "stock:write", "webhooks:manage");
    }
}
