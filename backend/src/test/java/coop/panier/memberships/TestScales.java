package coop.panier.memberships;

import static coop.panier.testsupport.Tokens.admin;

import java.time.LocalDate;
import java.time.ZoneId;

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
}
