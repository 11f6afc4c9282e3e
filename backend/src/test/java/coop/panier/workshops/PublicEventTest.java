package coop.panier.workshops;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.workshops.WorkshopFixtures.events;
import static coop.panier.workshops.WorkshopFixtures.workshopIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Mailbox;
import coop.panier.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;

/** The neighbourhood and the co-op's public events: without an account, with a name and an e-mail. */
@QuarkusTest
class PublicEventTest extends ApiTest {

    private static final Pattern LINK = Pattern.compile("/evenements/inscription/([A-Za-z0-9_-]{43})");

    @Inject
    MembershipScaleRepository scales;

    @Inject
    DataSource dataSource;

    @Inject
    GuestMails guestMails;

    @Inject
    GuestErasure erasure;

    @BeforeEach
    void aScale() {
        TestScales.ensureOneInForceToday(scales);
    }

    private static Response join(String id, String name, String email) {
        return api().contentType(ContentType.JSON).body(Map.of("name", name, "email", email))
                .post("/api/v1/public/events/" + id + "/registrations");
    }

    private void sendGuestMails() {
        while (guestMails.sendOne()) {
            // until none is due
        }
    }

    private static String address(String name) {
        return name.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@voisins.example";
    }

    /** The key in the one mail whose subject starts so. */
    private static String keyIn(String email, String subjectStart) throws Exception {
        Matcher link = LINK.matcher(Mailbox.text(Mailbox.only(email, subjectStart)));
        assertThat(link.find()).as("a link to cancel").isTrue();
        return link.group(1);
    }

    @Test
    void anonymousVisitorsSeePublicEventsOnly() {
        String open = workshopIn("Disco soupe", 40, true, Duration.ofDays(9));
        String members = workshopIn("Assemblée des référents", 10, false, Duration.ofDays(9));
        List<String> listed = api().queryParam("limit", 200).get("/api/v1/public/events").then().statusCode(200)
                .extract().path("items.id");
        assertThat(listed).contains(open).doesNotContain(members);
        api().get("/api/v1/public/events/" + open).then().statusCode(200).body("title", equalTo("Disco soupe"))
                .body("placesLeft", equalTo(40));
        api().get("/api/v1/public/events/" + members).then().statusCode(404);
        join(members, "Curieux", address("curieux")).then().statusCode(404);
        outsideContract().get("/api/v1/events/" + members).then().statusCode(401);
        List<String> forMembers = api(activeMember("Membre")).queryParam("limit", 200).get("/api/v1/events").then()
                .extract().path("items.id");
        assertThat(forMembers).contains(open, members);
    }

    @Test
    void aNeighbourJoinsWithANameAndAnEmailGetsAConfirmationMailAndCancelsByItsLink() throws Exception {
        String id = workshopIn("Disco soupe", 30, true, Duration.ofDays(10));
        String email = address("Sami");
        Mailbox.empty();
        join(id, "Sami Benali", email).then().statusCode(201).body("status", equalTo("CONFIRMED"))
                .body("waitingPosition", nullValue()).body("workshop.title", equalTo("Disco soupe"))
                .body("workshop.placesLeft", equalTo(29));
        join(id, "Sami B.", email.toUpperCase()).then().statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("workshop.placesLeft", equalTo(29));
        sendGuestMails();
        String key = keyIn(email, "Inscription confirmée : Disco soupe");
        assertThat(Mailbox.to(email)).as("one mail, not one per form sent").hasSize(1);
        assertThat(Mailbox.text(Mailbox.to(email).get(0))).contains("Bonjour Sami Benali").contains("Place du marché")
                .contains("effacés 30 jours après");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from domain_event where subject_id = ? and (payload::text ilike ? or payload::text like ?)")) {
            s.setObject(1, UUID.fromString(id));
            s.setString(2, "%" + email + "%");
            s.setString(3, "%Sami%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertThat(r.getInt(1)).as("no name nor address in events, which webhooks carry").isZero();
            }
        }

        api().get("/api/v1/public/registrations/" + key).then().statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("workshop.id", equalTo(id));
        api().delete("/api/v1/public/registrations/" + key).then().statusCode(204);
        api().get("/api/v1/public/registrations/" + key).then().statusCode(404);
        api().delete("/api/v1/public/registrations/" + key).then().statusCode(404);
        api().get("/api/v1/public/events/" + id).then().body("placesLeft", equalTo(30));
        api().delete("/api/v1/public/registrations/" + "x".repeat(43)).then().statusCode(404);
        assertThat(events(dataSource, id)).containsExactly("workshop.scheduled", "workshop.registered CONFIRMED",
                "workshop.withdrawn WITHDRAWN");
    }

    @Test
    void aNeighbourOnTheWaitingListGetsTheFreedPlaceByMail() throws Exception {
        String id = workshopIn("Atelier vélo", 1, true, Duration.ofDays(7));
        String member = activeMember("Cycliste");
        api(member).post("/api/v1/events/" + id + "/registrations").then().statusCode(201);
        String email = address("Lou");
        join(id, "Lou", email).then().statusCode(201).body("status", equalTo("WAITING")).body("waitingPosition", equalTo(1));
        api().get("/api/v1/public/events/" + id).then().body("placesLeft", equalTo(0));
        sendGuestMails();
        assertThat(Mailbox.text(Mailbox.only(email, "Liste d'attente : Atelier vélo"))).contains("(position 1)");
        String number = api(member).get("/api/v1/me").path("memberNumber");
        var listed = api(admin()).get("/api/v1/events/" + id + "/registrations").then().statusCode(200).extract();
        assertThat(listed.<String>path("items[0].memberNumber")).isEqualTo(number);
        assertThat(listed.<String>path("items[0].name")).startsWith("Cycliste");
        assertThat(listed.<String>path("items[0].status")).isEqualTo("CONFIRMED");
        assertThat(listed.<String>path("items[0].email")).as("a member's address is in their record").isNull();
        assertThat(listed.<Boolean>path("items[1].guest")).isTrue();
        assertThat(listed.<String>path("items[1].name")).isEqualTo("Lou");
        assertThat(listed.<String>path("items[1].email")).isEqualTo(email);
        assertThat(listed.<Integer>path("items[1].waitingPosition")).isEqualTo(1);
        api(member).get("/api/v1/events/" + id + "/registrations").then().statusCode(403);

        api(member).delete("/api/v1/events/" + id + "/registrations/mine").then().statusCode(204);
        sendGuestMails();
        String key = keyIn(email, "Une place s'est libérée : Atelier vélo");
        api().get("/api/v1/public/registrations/" + key).then().body("status", equalTo("CONFIRMED"));

        api(admin()).post("/api/v1/events/" + id + "/cancel").then().statusCode(200);
        sendGuestMails();
        assertThat(Mailbox.text(Mailbox.only(email, "Annulé : Atelier vélo"))).contains("est annulé");
        api().get("/api/v1/public/registrations/" + key).then().statusCode(404);
        api().get("/api/v1/public/events/" + id).then().statusCode(404);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndOneAddressHoldsAFewEventsAtMost() {
        String id = workshopIn("Disco soupe du printemps", 50, true, Duration.ofDays(12));
        // Outside the contract, which a client's own check would stop already.
        outsideContract().contentType(ContentType.JSON).body(Map.of("name", "Sans arobase", "email", "pas-une-adresse"))
                .post("/api/v1/public/events/" + id + "/registrations").then().statusCode(400)
                .body("errors[0].field", equalTo("email"));
        join(id, "   ", address("blanc")).then().statusCode(400).body("errors[0].field", equalTo("name"));
        join(id, "Gagnez un iPhone sur https://arnaque.example", address("spam")).then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        join(id, "Ligne\nDeux", address("spam")).then().statusCode(400).body("errors[0].field", equalTo("name"));
        join(UUID.randomUUID().toString(), "Perdu", address("perdu")).then().statusCode(404);
        String email = address("Assidue");
        for (int i = 0; i < 5; i++) {
            join(workshopIn("Atelier " + i, 10, true, Duration.ofDays(12)), "Assidue", email).then().statusCode(201);
        }
        join(id, "Assidue", email).then().statusCode(409).body("detail", containsString("5 événements"));
    }

    @Test
    void aNeighboursNameAndAddressAreErased30DaysAfterTheEvent() throws Exception {
        String id = workshopIn("Disco soupe d'hiver", 20, true, Duration.ofDays(2));
        String email = address("Nour");
        join(id, "Nour", email).then().statusCode(201);
        sendGuestMails();
        String key = keyIn(email, "Inscription confirmée : Disco soupe d'hiver");
        Instant end = OffsetDateTime.parse(api().get("/api/v1/public/events/" + id).path("endsAt")).toInstant();

        TestClock.travelTo(end.plus(Duration.ofDays(29)));
        erasure.eraseDue();
        api().get("/api/v1/public/registrations/" + key).then().statusCode(200);

        TestClock.travelTo(end.plus(Duration.ofDays(31)));
        erasure.eraseDue();
        api().get("/api/v1/public/registrations/" + key).then().statusCode(404);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select guest_name, guest_email, cancel_token, erased_at, status from workshop_registration where workshop_id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isNull();
                assertThat(r.getString(2)).isNull();
                assertThat(r.getString(3)).isNull();
                assertThat(r.getTimestamp(4)).isNotNull();
                assertThat(r.getString(5)).as("the count of the past stays").isEqualTo("CONFIRMED");
                assertThat(r.next()).isFalse();
            }
        }
        assertThat(erasure.erase(end.plus(Duration.ofDays(32)))).as("a second run finds nothing").isZero();
        api(admin()).get("/api/v1/events/" + id + "/registrations").then().statusCode(200)
                .body("items[0].erased", equalTo(true)).body("items[0].name", equalTo(""))
                .body("items[0].email", nullValue()).body("items[0].guest", equalTo(true));
    }

    @Test
    void theCoopsPublicCalendarListsItsPublicEventsOnly() throws Exception {
        String open = workshopIn("Disco soupe au calendrier", 40, true, Duration.ofDays(15));
        String members = workshopIn("Atelier réservé", 10, false, Duration.ofDays(15));
        String cancelled = workshopIn("Disco soupe annulée", 40, true, Duration.ofDays(15));
        api(admin()).post("/api/v1/events/" + cancelled + "/cancel").then().statusCode(200);

        String text = api().get("/api/v1/public/events.ics").then().statusCode(200).contentType("text/calendar")
                .extract().asString();
        List<VEvent> events = new CalendarBuilder().build(new StringReader(text)).getComponents("VEVENT");
        List<String> uids = events.stream().map(e -> e.getUid().orElseThrow().getValue()).toList();
        assertThat(uids).contains("workshop-" + open + "@panier").doesNotContain("workshop-" + members + "@panier",
                "workshop-" + cancelled + "@panier");
        VEvent soup = events.stream().filter(e -> e.getUid().orElseThrow().getValue().equals("workshop-" + open + "@panier"))
                .findFirst().orElseThrow();
        assertThat(soup.getSummary().getValue()).isEqualTo("Disco soupe au calendrier");
        assertThat(soup.getLocation().getValue()).isEqualTo("Place du marché");
        assertThat(soup.getDescription().getValue()).contains("/evenements/" + open);
    }
}
