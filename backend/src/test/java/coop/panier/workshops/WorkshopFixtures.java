package coop.panier.workshops;

import static coop.panier.testsupport.Tokens.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import coop.panier.testsupport.ContractFilter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Workshops made through the API, starting at a time relative to now. */
public final class WorkshopFixtures {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private WorkshopFixtures() {
    }

    /** A workshop of two hours starting `ahead` from now, scheduled by an admin; its id. */
    public static String workshopIn(String title, int capacity, boolean open, Duration ahead) {
        OffsetDateTime start = OffsetDateTime.now(ZONE).plus(ahead).withNano(0);
        return RestAssured.given().filter(ContractFilter.INSTANCE).auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("title", title, "description", "On cuisine ensemble.", "place", "Place du marché",
                        "startsAt", iso(start), "endsAt", iso(start.plusHours(2)), "capacity", capacity, "public", open))
                .post("/api/v1/events").then().statusCode(201).extract().path("id");
    }

    static String iso(OffsetDateTime time) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(time);
    }

    /** The events told about the workshop, in their order: type, then the registration's status. */
    static List<String> events(DataSource dataSource, String workshopId) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select type || coalesce(' ' || (payload ->> 'status'), '') from domain_event where subject_id = ?"
                        + " order by seq")) {
            s.setObject(1, UUID.fromString(workshopId));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1));
                }
            }
        }
        return found;
    }
}
