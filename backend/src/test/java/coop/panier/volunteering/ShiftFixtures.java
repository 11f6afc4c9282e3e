package coop.panier.volunteering;

import static coop.panier.testsupport.Tokens.admin;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Shifts made through the API, starting at a time relative to now: the tests move no clock. */
public final class ShiftFixtures {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private ShiftFixtures() {
    }

    private static RequestSpecification as(String token) {
        return RestAssured.given().filter(coop.panier.testsupport.ContractFilter.INSTANCE).auth().oauth2(token);
    }

    /** A shift of `length`, starting `ahead` from now, published by an admin; its id. */
    public static String shiftIn(String task, int seats, Duration ahead, Duration length) {
        OffsetDateTime start = OffsetDateTime.now(ZONE).plus(ahead).withNano(0);
        return as(admin()).contentType(ContentType.JSON)
                .body(Map.of("task", task, "place", "Local de la coop", "startsAt", iso(start),
                        "endsAt", iso(start.plus(length)), "seats", seats))
                .post("/api/v1/shifts").then().statusCode(201).extract().path("id");
    }

    /** With its seconds always: OffsetDateTime.toString() leaves out ":00", which the contract's date-time refuses. */
    static String iso(OffsetDateTime time) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(time);
    }

    /** The member takes a seat; their sign-up's id. */
    public static String signedUp(String token, String shiftId) {
        return as(token).post("/api/v1/shifts/" + shiftId + "/signups").then().statusCode(201).extract().path("id");
    }
}
