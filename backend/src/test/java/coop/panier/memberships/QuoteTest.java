package coop.panier.memberships;

import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.DatabaseDump;
import coop.panier.testsupport.LogCapture;
import coop.panier.testsupport.Tokens;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
class QuoteTest extends ApiTest {

    /** An income no other test uses, to look for in the database and the logs. */
    private static final long SECRET_INCOME_CENTS = 271_828;

    @Inject
    MembershipScaleRepository scales;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void aScaleIsInForceToday() {
        TestScales.ensureOneInForceToday(scales);
    }

    private static Map<String, Object> request(long income, int adults, int children) {
        return Map.of("monthlyIncomeCents", income, "household", Map.of("adults", adults, "children", children));
    }

    @Test
    void aCoupleWithTwoChildrenGetsTheirBracketExplained() {
        api(member(TestPerson.random("Yanis", "Morel"))).contentType(ContentType.JSON)
                .body(request(250_000, 2, 2)).post("/api/v1/me/membership/quote")
                .then().statusCode(200)
                .body("consumptionUnits", equalTo(2.1f))
                .body("monthlyIncomePerUnitCents", equalTo(119_047))
                .body("bracket.code", equalTo("C"))
                .body("feeCents", equalTo(4_000))
                .body("currency", equalTo("EUR"));
    }

    @Test
    void anIncomeExactlyOnABoundIsInTheNextBracket() {
        api(member(TestPerson.random("Zélie", "Marchand"))).contentType(ContentType.JSON)
                .body(request(60_000, 1, 0)).post("/api/v1/me/membership/quote")
                .then().statusCode(200).body("bracket.code", equalTo("B")).body("feeCents", equalTo(2_000));
    }

    @Test
    void aHouseholdWithoutAdultOrANegativeIncomeIsRefused() {
        outsideContract().auth().oauth2(member(TestPerson.random("Adam", "Meyer"))).contentType(ContentType.JSON)
                .body(request(-1, 0, 1)).post("/api/v1/me/membership/quote")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("household.adults", "monthlyIncomeCents")));
    }

    @Test
    void quotingNeedsAPersonSignedIn() {
        outsideContract().contentType(ContentType.JSON).body(request(100_000, 1, 0))
                .post("/api/v1/me/membership/quote").then().statusCode(401);
        api(Tokens.integration(Set.of())).contentType(ContentType.JSON).body(request(100_000, 1, 0))
                .post("/api/v1/me/membership/quote").then().statusCode(403);
    }

    @Test
    void theDeclaredIncomeIsNeitherStoredNorLogged() throws Exception {
        List<String> logged;
        try (LogCapture log = LogCapture.of("")) {
            api(member(TestPerson.random("Bérénice", "Caron"))).contentType(ContentType.JSON)
                    .body(request(SECRET_INCOME_CENTS, 1, 0)).post("/api/v1/me/membership/quote")
                    .then().statusCode(200);
            logged = log.lines();
        }

        assertThat(logged).noneSatisfy(line -> assertThat(line).contains(String.valueOf(SECRET_INCOME_CENTS)));
        assertThat(DatabaseDump.of(dataSource)).doesNotContain(String.valueOf(SECRET_INCOME_CENTS), "2718.28", "2 718,28");
    }
}
