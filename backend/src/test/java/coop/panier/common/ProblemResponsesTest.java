package coop.panier.common;

import static coop.panier.testsupport.Tokens.member;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every error the API can return is an RFC 9457 problem document. */
@QuarkusTest
class ProblemResponsesTest extends ApiTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void noTokenIs401() {
        outsideContract().get("/api/v1/me").then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("https://panier.coop/problems/unauthorized"))
                .body("title", equalTo("Authentification requise"))
                .body("status", equalTo(401));
    }

    @Test
    void aForgedTokenIs401() {
        outsideContract().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.bm90LWEtc2lnbmF0dXJl")
                .get("/api/v1/me").then().statusCode(401).contentType(PROBLEM).body("status", equalTo(401));
    }

    @Test
    void malformedJsonIs400() {
        TestPerson person = TestPerson.random("Nina", "Garnier");
        String etag = api(member(person)).get("/api/v1/me").header("ETag");
        outsideContract().auth().oauth2(member(person)).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"phone\" \"06 12 34 56 78\"}").put("/api/v1/me")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://panier.coop/problems/malformed-json"));
    }

    @Test
    void anUnknownFieldOrWrongValueIs400NamingIt() {
        TestPerson person = TestPerson.random("Oscar", "Lemoine");
        String etag = api(member(person)).get("/api/v1/me").header("ETag");
        outsideContract().auth().oauth2(member(person)).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"preferences\": {\"language\": \"fr\"}, \"nickname\": \"Oz\"}").put("/api/v1/me")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("nickname"));
        outsideContract().auth().oauth2(member(person)).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"preferences\": {\"language\": \"klingon\"}}").put("/api/v1/me")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("preferences.language"));
    }

    @Test
    void aMissingRequiredFieldIs400NamingIt() {
        TestPerson person = TestPerson.random("Ophélie", "Lemoine");
        String etag = api(member(person)).get("/api/v1/me").header("ETag");
        outsideContract().auth().oauth2(member(person)).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"phone\": \"0612345678\"}").put("/api/v1/me")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("preferences"))
                .body("errors[0].message", equalTo("champ obligatoire"));
    }

    @Test
    void aMissingBodyIs400() {
        TestPerson person = TestPerson.random("Paul", "Vidal");
        String etag = api(member(person)).get("/api/v1/me").header("ETag");
        outsideContract().auth().oauth2(member(person)).contentType(ContentType.JSON).header("If-Match", etag)
                .put("/api/v1/me")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anUnknownPathIs404() {
        outsideContract().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType(PROBLEM).body("status", equalTo(404));
    }

    @Test
    void aWrongMethodIs405() {
        outsideContract().auth().oauth2(member(TestPerson.random("Rose", "Fontaine")))
                .delete("/api/v1/me").then().statusCode(405)
                .contentType(PROBLEM).body("status", equalTo(405))
                .header("Allow", equalTo("GET, PUT"));
    }

    @Test
    void aWrongMediaTypeIs415() {
        TestPerson person = TestPerson.random("Simon", "Chevalier");
        String etag = api(member(person)).get("/api/v1/me").header("ETag");
        outsideContract().auth().oauth2(member(person)).contentType(ContentType.TEXT).header("If-Match", etag)
                .body("phone=0612345678").put("/api/v1/me")
                .then().statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
    }

    @Test
    void healthIsUp() {
        outsideContract().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theSpaOriginMayCallTheApi() {
        outsideContract().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .options("/api/v1/me")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
        outsideContract().header("Origin", "http://evil.example")
                .get("/api/v1/me")
                .then().header("Access-Control-Allow-Origin", not(equalTo("http://evil.example")));
    }
}
