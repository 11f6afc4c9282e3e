package coop.panier.volunteering;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

import javax.sql.DataSource;

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

    /** The member's id, as /me tells it. */
    public static String memberId(String token) {
        return as(token).get("/api/v1/me").path("id");
    }

    /**
     * Every token makes its request at once, released together by a latch, each on its own thread;
     * the status codes, in the tokens' order.
     */
    public static List<Integer> race(List<String> tokens, ToIntFunction<String> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (String token : tokens) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.applyAsInt(token);
                }));
            }
            start.countDown();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        return statuses;
    }

    /** The events told about the shift, in their order, each as `told` (an SQL expression over domain_event) reads it. */
    public static List<String> shiftEvents(DataSource dataSource, String told, String shiftId) throws SQLException {
        return HoursFixtures.query(dataSource, "select " + told + " from domain_event where subject_type = 'shift'"
                + " and subject_id = ? order by seq", UUID.fromString(shiftId));
    }

    /** Whom the shift's event of that type is mailed to. */
    public static List<UUID> mailedFor(DataSource dataSource, String shiftId, String type) throws SQLException {
        List<UUID> recipients = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select d.recipient_member_id from mail_delivery d join domain_event e on e.id = d.event_id"
                        + " where e.subject_id = ? and e.type = ?")) {
            s.setObject(1, UUID.fromString(shiftId));
            s.setString(2, type);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    recipients.add(r.getObject(1, UUID.class));
                }
            }
        }
        return recipients;
    }

    /** The live sign-ups of the shift, and its `taken` as the trigger counted it. */
    public static List<Integer> liveAndTaken(DataSource dataSource, String shiftId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*), (select taken from shift where id = ?) from shift_signup where shift_id = ?"
                        + " and status = 'SIGNED_UP'")) {
            s.setObject(1, UUID.fromString(shiftId));
            s.setObject(2, UUID.fromString(shiftId));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return List.of(r.getInt(1), r.getInt(2));
            }
        }
    }
}
