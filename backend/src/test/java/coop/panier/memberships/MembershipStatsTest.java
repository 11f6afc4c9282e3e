package coop.panier.memberships;

import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
class MembershipStatsTest extends ApiTest {

    @Inject
    MembershipScaleRepository scales;

    @BeforeEach
    void aScaleIsInForceToday() {
        TestScales.ensureOneInForceToday(scales);
    }

    private static Map<String, Object> bracket(String code) {
        List<Map<String, Object>> brackets = api(admin()).get("/api/v1/memberships/stats").then().statusCode(200)
                .extract().path("brackets");
        return brackets.stream().filter(b -> code.equals(b.get("code"))).findFirst().orElseThrow();
    }

    @Test
    void householdsAndMoneyAreCountedPerBracket() {
        Map<String, Object> before = bracket("B");

        String id = api(member(TestPerson.random("Ugo", "Stat"))).contentType(ContentType.JSON)
                .body(Map.of("monthlyIncomeCents", 180_000, "household", Map.of("adults", 3, "children", 0)))
                .post("/api/v1/me/membership").then().statusCode(201).extract().path("id");
        api(admin()).contentType(ContentType.JSON)
                .body(Map.of("amountCents", 1_500, "method", "CARD", "paidOn", LocalDate.now(ZoneId.of("Europe/Paris")).toString()))
                .post("/api/v1/memberships/" + id + "/payments").then().statusCode(201);

        Map<String, Object> after = bracket("B");
        assertThat((Integer) after.get("households")).isEqualTo((Integer) before.get("households") + 1);
        assertThat(((Number) after.get("dueCents")).longValue()).isEqualTo(((Number) before.get("dueCents")).longValue() + 2_000);
        assertThat(((Number) after.get("collectedCents")).longValue())
                .isEqualTo(((Number) before.get("collectedCents")).longValue() + 1_500);
    }

    @Test
    void onlyAdminsSeeTheFigures() {
        api(member(TestPerson.random("Vera", "Stat"))).get("/api/v1/memberships/stats").then().statusCode(403);
    }
}
