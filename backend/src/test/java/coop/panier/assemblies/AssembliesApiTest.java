package coop.panier.assemblies;

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
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Base of the assemblies' API tests: a membership scale in force today (members join), and
 * assemblies made through the API at times relative to now, far apart from other tests' ones.
 */
abstract class AssembliesApiTest extends ApiTest {

    static final String PROBLEMS = "https://panier.coop/problems/";
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @Inject
    MembershipScaleRepository scales;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void aScale() {
        TestScales.ensureOneInForceToday(scales);
    }

    /** The member's id, as /me tells it. */
    static String memberId(String token) {
        return api(token).get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    /** A time far ahead, at a minute of its own: what a job does then meets no other test's assemblies. */
    static Duration farAhead(int minDays) {
        return Duration.ofDays(minDays + ThreadLocalRandom.current().nextInt(2000))
                .plusMinutes(ThreadLocalRandom.current().nextInt(1440));
    }

    static String iso(OffsetDateTime time) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(time);
    }

    static Map<String, Object> assemblyInput(String title, OffsetDateTime start, String facilitatorId) {
        return Map.of("title", title, "place", "Local de la coop", "startsAt", iso(start),
                "endsAt", iso(start.plusHours(2)), "facilitatorId", facilitatorId);
    }

    /** An assembly of two hours starting `ahead` from now (whole minutes), facilitated by the member; its id. */
    static String assemblyIn(Duration ahead, String facilitatorId) {
        OffsetDateTime start = OffsetDateTime.now(ZONE).plus(ahead).withSecond(0).withNano(0);
        return api(admin()).contentType(ContentType.JSON).body(assemblyInput("Agora", start, facilitatorId))
                .post("/api/v1/assemblies").then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.Response propose(String token, String assemblyId, String title, int minutes) {
        return api(token).contentType(ContentType.JSON)
                .body(Map.of("title", title, "description", "Pour en parler", "durationMinutes", minutes))
                .post("/api/v1/assemblies/" + assemblyId + "/agenda-items");
    }

    /** The events told about the assembly, in their order. */
    List<String> events(String assemblyId) throws SQLException {
        List<String> told = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select type from domain_event where subject_id = ? order by occurred_at, id")) {
            s.setObject(1, UUID.fromString(assemblyId));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    told.add(r.getString(1));
                }
            }
        }
        return told;
    }

    /** The members a mail of this type about the assembly is owed to. */
    List<UUID> mailedFor(String assemblyId, String type) throws SQLException {
        return coop.panier.volunteering.ShiftFixtures.mailedFor(dataSource, assemblyId, type);
    }
}
