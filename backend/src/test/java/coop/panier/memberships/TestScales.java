package coop.panier.memberships;

import static coop.panier.testsupport.Tokens.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** The design's example scale, in force today: A < 600 € → 10 €, B < 1,000 € → 20 €, C < 1,600 € → 40 €, D → 60 €. */
public final class TestScales {

    private TestScales() {
    }

    public static void ensureOneInForceToday(MembershipScaleRepository scales) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        if (scales.inForceOn(today).isEmpty()) {
            RestAssured.given().auth().oauth2(admin()).contentType(ContentType.JSON)
                    .body(MembershipScaleResourceTest.scale(today.minusDays(1).toString(), today.plusDays(1).toString()))
                    .post("/api/v1/membership-scales").then().statusCode(201);
        }
    }

    /** A scale for the period with the design's brackets at the fees given for A, B, C and D; its id. */
    public static String define(LocalDate from, LocalDate to, long a, long b, long c, long d) {
        Map<String, Object> scale = Map.of("validFrom", from.toString(), "validTo", to.toString(), "brackets", List.of(
                MembershipScaleResourceTest.bracket("A", "Moins de 600 €", 60_000L, a),
                MembershipScaleResourceTest.bracket("B", "De 600 à 1 000 €", 100_000L, b),
                MembershipScaleResourceTest.bracket("C", "De 1 000 à 1 600 €", 160_000L, c),
                MembershipScaleResourceTest.bracket("D", "1 600 € et plus", null, d)));
        return RestAssured.given().auth().oauth2(admin()).contentType(ContentType.JSON).body(scale)
                .post("/api/v1/membership-scales").then().statusCode(201).extract().path("id");
    }
}
