package coop.panier.testsupport;

import org.junit.jupiter.api.AfterEach;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Base of the API tests: a real PostgreSQL, a real token path (signed JWTs checked against
 * the test OIDC server's keys), and every request and response checked against openapi.yaml
 * as a generated client reads it (ContractFilter).
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailTestResource.class, scope = TestResourceScope.GLOBAL)
public abstract class ApiTest {

    /** A test that moved the application's clock (TestClock) leaves it at the real time. */
    @AfterEach
    void backToTheRealTime() {
        TestClock.reset();
    }

    /** A request whose exchange must conform to the contract. */
    protected static RequestSpecification api() {
        return RestAssured.given().filter(ContractFilter.INSTANCE);
    }

    protected static RequestSpecification api(String token) {
        return api().auth().oauth2(token);
    }

    /** For requests the contract cannot describe (unknown paths, methods it does not list). */
    protected static RequestSpecification outsideContract() {
        return RestAssured.given();
    }
}
