package coop.panier.members;

import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Tokens;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class MeResourceTest extends ApiTest {

    @Inject
    MemberRepository members;

    @Test
    void firstCallCreatesAPendingMemberAndLaterCallsFindIt() {
        TestPerson alice = TestPerson.random("Alice", "Martin");

        Response first = api(member(alice)).get("/api/v1/me");
        first.then().statusCode(200)
                .header("ETag", notNullValue())
                .body("firstName", equalTo("Alice"))
                .body("lastName", equalTo("Martin"))
                .body("email", equalTo(alice.email()))
                .body("status", equalTo("PENDING"))
                .body("memberNumber", matchesPattern("A-\\d{4,}"))
                .body("preferences.language", equalTo("fr"));

        api(member(alice)).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo(first.path("id")))
                .body("memberNumber", equalTo(first.path("memberNumber")));
        assertThat(members.count("keycloakSubject", alice.subject())).isEqualTo(1);
    }

    @Test
    void newMembersGetDistinctNumbers() {
        String a = api(member(TestPerson.random("Anne", "Roux"))).get("/api/v1/me").path("memberNumber");
        String b = api(member(TestPerson.random("Basile", "Roux"))).get("/api/v1/me").path("memberNumber");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void concurrentFirstCallsLinkOneMember() throws Exception {
        TestPerson person = TestPerson.random("Chloé", "Girard");
        String token = member(person);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = java.util.Collections.nCopies(6,
                    () -> api(token).get("/api/v1/me").statusCode());
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(members.count("keycloakSubject", person.subject())).isEqualTo(1);
    }

    @Test
    void aMemberRegisteredByTheCoopIsLinkedByVerifiedEmail() {
        TestPerson person = TestPerson.random("Denis", "Faure");
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            Member m = new Member();
            m.id = UUID.randomUUID();
            m.memberNumber = members.nextMemberNumber();
            m.firstName = "Denis";
            m.lastName = "Faure";
            m.email = person.email().toUpperCase();
            m.status = MemberStatus.ACTIVE;
            m.joinedOn = LocalDate.of(2024, 3, 1);
            m.language = "fr";
            members.persist(m);
            return m.id;
        });

        api(member(person)).get("/api/v1/me").then().statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("status", equalTo("ACTIVE"))
                .body("joinedOn", equalTo("2024-03-01"));
    }

    @Test
    void anEmailAlreadyLinkedToSomeoneElseIsAConflict() {
        TestPerson first = TestPerson.random("Emma", "Blanc");
        api(member(first)).get("/api/v1/me").then().statusCode(200);
        TestPerson other = new TestPerson(UUID.randomUUID().toString(), first.email(), "Emma", "Blanc");

        api(member(other)).get("/api/v1/me").then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", org.hamcrest.Matchers.containsString(first.email()));
    }

    @Test
    void memberChangesPhoneAndLanguage() {
        TestPerson person = TestPerson.random("Fanny", "Lopez");
        Response read = api(member(person)).get("/api/v1/me");

        Response saved = api(member(person)).contentType(ContentType.JSON)
                .header("If-Match", read.header("ETag"))
                .body(Map.of("phone", "+33 6 12 34 56 78", "preferences", Map.of("language", "en")))
                .put("/api/v1/me");
        saved.then().statusCode(200)
                .body("phone", equalTo("+33 6 12 34 56 78"))
                .body("preferences.language", equalTo("en"));
        assertThat(saved.header("ETag")).isNotEqualTo(read.header("ETag"));

        api(member(person)).get("/api/v1/me").then()
                .body("phone", equalTo("+33 6 12 34 56 78"))
                .body("preferences.language", equalTo("en"))
                .header("ETag", equalTo(saved.header("ETag")));
    }

    @Test
    void theProfileAsReadCanBeSentBack() {
        TestPerson person = TestPerson.random("Gaël", "Noël");
        Response read = api(member(person)).get("/api/v1/me");
        Map<String, Object> profile = new java.util.HashMap<>(read.as(Map.class));
        profile.put("phone", "01 23 45 67 89");

        api(member(person)).contentType(ContentType.JSON).header("If-Match", read.header("ETag"))
                .body(profile).put("/api/v1/me")
                .then().statusCode(200).body("phone", equalTo("01 23 45 67 89"));
    }

    @Test
    void readOnlyFieldsSentChangedAreRefusedByName() {
        TestPerson person = TestPerson.random("Hugo", "Perrin");
        Response read = api(member(person)).get("/api/v1/me");

        api(member(person)).contentType(ContentType.JSON).header("If-Match", read.header("ETag"))
                .body(Map.of("phone", "0612345678", "email", "someone.else@panier.example",
                        "status", "ACTIVE", "preferences", Map.of("language", "fr")))
                .put("/api/v1/me")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("email", "status")))
                .body("errors.message", hasItem("ne peut pas être modifié ici"));

        api(member(person)).get("/api/v1/me").then()
                .body("status", equalTo("PENDING"))
                .body("email", equalTo(person.email()))
                .body("phone", org.hamcrest.Matchers.nullValue())
                .header("ETag", equalTo(read.header("ETag")));
    }

    @Test
    void anInvalidPhoneIsRefusedWithTheFieldNamed() {
        TestPerson person = TestPerson.random("Inès", "Robin");
        Response read = api(member(person)).get("/api/v1/me");

        outsideContract().auth().oauth2(member(person)).contentType(ContentType.JSON)
                .header("If-Match", read.header("ETag"))
                .body(Map.of("phone", "call me maybe", "preferences", Map.of("language", "fr")))
                .put("/api/v1/me")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("phone"))
                .body("errors[0].message", notNullValue());
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        TestPerson person = TestPerson.random("Jules", "Henry");
        Response read = api(member(person)).get("/api/v1/me");
        api(member(person)).contentType(ContentType.JSON).header("If-Match", read.header("ETag"))
                .body(Map.of("phone", "0611111111", "preferences", Map.of("language", "fr")))
                .put("/api/v1/me").then().statusCode(200);

        api(member(person)).contentType(ContentType.JSON).header("If-Match", read.header("ETag"))
                .body(Map.of("phone", "0622222222", "preferences", Map.of("language", "fr")))
                .put("/api/v1/me")
                .then().statusCode(412).contentType("application/problem+json").body("status", equalTo(412));

        api(member(person)).get("/api/v1/me").then().body("phone", equalTo("0611111111"));
    }

    @Test
    void aWriteWithoutIfMatchIsRefused() {
        TestPerson person = TestPerson.random("Karim", "Mercier");
        api(member(person)).get("/api/v1/me");

        api(member(person)).contentType(ContentType.JSON)
                .body(Map.of("phone", "0611111111", "preferences", Map.of("language", "fr")))
                .put("/api/v1/me")
                .then().statusCode(428).contentType("application/problem+json");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        outsideContract().auth().oauth2(Tokens.withAudience(TestPerson.random("Léa", "Bonnet"), "another-app"))
                .get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anIntegrationIsNotAMember() {
        api(Tokens.integration(Set.of())).get("/api/v1/me")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void aPersonWithoutTheMemberRoleIsForbidden() {
        api(Tokens.person(TestPerson.random("Marc", "Dupuis"), Set.of("offline_access")))
                .get("/api/v1/me")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
