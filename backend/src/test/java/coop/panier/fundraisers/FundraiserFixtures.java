package coop.panier.fundraisers;

import static coop.panier.drive.DriveFixtures.as;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Fundraisers opened and pledged to through the API, and what the database holds about them. */
final class FundraiserFixtures {

    static final String PROBLEMS = "https://panier.coop/problems/";
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private FundraiserFixtures() {
    }

    static String iso(OffsetDateTime time) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(time);
    }

    /** A fundraiser opened by the member, closing in so many days. */
    static String opened(String token, String title, long goalCents, int days) {
        return open(token, title, goalCents, OffsetDateTime.now(ZONE).plusDays(days)).then().statusCode(201)
                .extract().path("id");
    }

    static Response open(String token, String title, long goalCents, OffsetDateTime deadline) {
        return as(token).contentType(ContentType.JSON)
                .body(Map.of("title", title, "description", "Pour la coopérative.", "goalCents", goalCents,
                        "deadline", iso(deadline)))
                .post("/api/v1/fundraisers");
    }

    static Response pledge(String token, String fundraiserId, long amountCents, boolean anonymous) {
        return as(token).contentType(ContentType.JSON).body(Map.of("amountCents", amountCents, "anonymous", anonymous))
                .put("/api/v1/fundraisers/" + fundraiserId + "/pledges/mine");
    }

    static Response withdraw(String token, String fundraiserId) {
        return as(token).delete("/api/v1/fundraisers/" + fundraiserId + "/pledges/mine");
    }

    static Response fundraiser(String token, String fundraiserId) {
        return as(token).get("/api/v1/fundraisers/" + fundraiserId);
    }

    /** The ledger entries charged for the fundraiser's pledges: one "pledgeId amount" line each. */
    static List<String> charges(DataSource dataSource, String fundraiserId) throws SQLException {
        return rows(dataSource, "select e.pledge_id || ' ' || e.amount_cents from ledger_entry e"
                + " join fundraiser_pledge p on p.id = e.pledge_id where p.fundraiser_id = ? and e.kind = 'FUNDRAISER_PLEDGE'"
                + " order by e.seq", fundraiserId);
    }

    /** Every pledge ever made to the fundraiser, history included: "status amount" lines, in the order made. */
    static List<String> history(DataSource dataSource, String fundraiserId) throws SQLException {
        return rows(dataSource, "select status || ' ' || amount_cents from fundraiser_pledge where fundraiser_id = ?"
                + " order by pledged_at, id", fundraiserId);
    }

    /** The types of the events told about the fundraiser, in order. */
    static List<String> events(DataSource dataSource, String fundraiserId) throws SQLException {
        return rows(dataSource, "select type from domain_event where subject_id = ? order by seq", fundraiserId);
    }

    static List<String> rows(DataSource dataSource, String sql, String id) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
        }
        return rows;
    }
}
