package coop.panier.integrations;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.drive.DriveFixtures.placed;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.drive.DriveFixtures.slot;
import static coop.panier.volunteering.ShiftFixtures.shiftIn;
import static coop.panier.volunteering.ShiftFixtures.signedUp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** A member's calendar feed, read as a calendar app reads it: an RFC 5545 parser. */
@QuarkusTest
class CalendarFeedTest extends ApiTest {

    @Inject
    MembershipScaleRepository scales;

    @BeforeEach
    void aScale() {
        TestScales.ensureOneInForceToday(scales);
    }

    private static Calendar read(String url) throws Exception {
        String text = api().get(url).then().statusCode(200).contentType("text/calendar").extract().asString();
        return new CalendarBuilder().build(new StringReader(text));
    }

    /**
     * The member's own events: the co-op's assemblies are in every member's feed (LiveModeTest
     * checks them), and other tests schedule some.
     */
    private static List<VEvent> events(String url) throws Exception {
        List<VEvent> events = read(url).getComponents("VEVENT");
        return events.stream().filter(e -> !e.getUid().orElseThrow().getValue().startsWith("assembly-")).toList();
    }

    @Test
    void theFeedHoldsTheMembersPickupsUntilTheyAreCancelledAndANewAddressRevokesTheOldOne() throws Exception {
        String alice = activeMember("Alice");
        String honey = product("Miel de forêt", 900, 1, 5);
        String friday = slot(5, 9);
        String later = slot(5, 16);
        placed(alice, friday, honey, 1);
        String cancelled = placed(alice, later, honey, 1);
        api(alice).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/orders/" + cancelled + "/cancel").then().statusCode(200);

        String profileVersion = api(alice).get("/api/v1/me").header("ETag");
        String url = api(alice).get("/api/v1/me/calendar-feed").then().statusCode(200).extract().path("url");
        // A profile form read before must still save: the feed is not part of the profile's version.
        assertThat(api(alice).get("/api/v1/me").header("ETag")).isEqualTo(profileVersion);
        assertThat(api(alice).get("/api/v1/me/calendar-feed").<String>path("url")).as("the same address each time").isEqualTo(url);
        String path = url.substring(url.indexOf("/api/v1/"));
        List<VEvent> events = events(path);
        assertThat(events).hasSize(1);
        VEvent pickup = events.get(0);
        assertThat(pickup.getSummary().getValue()).startsWith("Retrait de la commande n° ");
        assertThat(pickup.getLocation().getValue()).isEqualTo("Local de la coop");
        assertThat(pickup.getDescription().getValue()).isEqualTo("Total : 9,00 €");
        assertThat(pickup.getDateTimeStart().getValue()).endsWith("Z");

        String newUrl = api(alice).post("/api/v1/me/calendar-feed/rotate").then().statusCode(200).extract().path("url");
        assertThat(newUrl).isNotEqualTo(url);
        api().get(path).then().statusCode(404).contentType("application/problem+json");
        assertThat(events(newUrl.substring(newUrl.indexOf("/api/v1/")))).hasSize(1);
    }

    @Test
    void theFeedHoldsTheShiftsTheMemberHoldsASeatInWithTaskAndPlace() throws Exception {
        String clara = activeMember("Clara");
        String welcome = shiftIn("accueil", 2, Duration.ofDays(6), Duration.ofHours(3));
        String cleaning = shiftIn("ménage", 2, Duration.ofDays(5), Duration.ofHours(2));
        String till = shiftIn("caisse", 1, Duration.ofHours(30), Duration.ofHours(2));
        signedUp(clara, welcome);
        signedUp(clara, cleaning);
        signedUp(clara, till);
        api(clara).delete("/api/v1/shifts/" + cleaning + "/signups/mine").then().statusCode(204);
        api(clara).post("/api/v1/shifts/" + till + "/signups/mine/stand-in-request").then().statusCode(201);
        String dora = activeMember("Dora");
        api(dora).post("/api/v1/shifts/" + till + "/stand-ins").then().statusCode(201);

        String url = api(clara).get("/api/v1/me/calendar-feed").then().statusCode(200).extract().path("url");
        List<VEvent> events = events(url.substring(url.indexOf("/api/v1/")));
        assertThat(events).as("the seat given back and the seat given to a stand-in are gone").hasSize(1);
        VEvent shift = events.get(0);
        assertThat(shift.getSummary().getValue()).isEqualTo("Bénévolat : accueil");
        assertThat(shift.getLocation().getValue()).isEqualTo("Local de la coop");
        assertThat(shift.getUid().orElseThrow().getValue()).isEqualTo("shift-" + welcome + "@panier");
        String startsAt = api(clara).get("/api/v1/shifts/" + welcome).path("startsAt");
        assertThat(Instant.from(shift.getDateTimeStart().getDate())).isEqualTo(OffsetDateTime.parse(startsAt).toInstant());

        String doraUrl = api(dora).get("/api/v1/me/calendar-feed").then().statusCode(200).extract().path("url");
        List<VEvent> doras = events(doraUrl.substring(doraUrl.indexOf("/api/v1/")));
        assertThat(doras).extracting(e -> e.getSummary().getValue()).containsExactly("Bénévolat : caisse");
    }

    @Test
    void anotherMembersFeedHoldsOnlyTheirOwn() throws Exception {
        String bruno = activeMember("Bruno");
        String url = api(bruno).get("/api/v1/me/calendar-feed").then().statusCode(200).extract().path("url");
        assertThat(events(url.substring(url.indexOf("/api/v1/")))).isEmpty();
    }
}
