package coop.panier.workshops;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.workshops.WorkshopFixtures.events;
import static coop.panier.workshops.WorkshopFixtures.workshopIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.integrations.MailDeliveries;
import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Mailbox;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;

/** Members and workshops: places, the waiting list in order, and the first one waiting promoted. */
@QuarkusTest
class WorkshopTest extends ApiTest {

    private static final String PROBLEMS = "https://panier.coop/problems/";

    @Inject
    MembershipScaleRepository scales;

    @Inject
    DataSource dataSource;

    @Inject
    MailDeliveries mails;

    @BeforeEach
    void aScale() {
        TestScales.ensureOneInForceToday(scales);
    }

    private static Response register(String token, String id) {
        return api(token).post("/api/v1/events/" + id + "/registrations");
    }

    @Test
    void beyondTheCapacityMembersWaitInOrderAndAWithdrawalPromotesTheFirstOneByMail() throws Exception {
        String id = workshopIn("Comment mieux manger ?", 2, false, Duration.ofDays(6));
        String full = workshopIn("Atelier complet", 1, false, Duration.ofDays(6));
        String anna = activeMember("Anna");
        String bilal = activeMember("Bilal");
        TestPerson chloePerson = TestPerson.random("Chloé", "Atelier");
        String chloe = activeMember(chloePerson);
        String dan = activeMember("Dan");

        register(anna, id).then().statusCode(201).body("status", equalTo("CONFIRMED")).body("waitingPosition", nullValue());
        register(bilal, id).then().statusCode(201).body("status", equalTo("CONFIRMED"));
        register(chloe, id).then().statusCode(201).body("status", equalTo("WAITING")).body("waitingPosition", equalTo(1));
        register(dan, id).then().statusCode(201).body("status", equalTo("WAITING")).body("waitingPosition", equalTo(2));
        register(dan, id).then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("déjà inscrit"));

        register(anna, full).then().statusCode(201);
        for (int i = 0; i < 10; i++) {
            register(activeMember("Patiente"), full).then().statusCode(201).body("waitingPosition", equalTo(i + 1));
        }
        register(bilal, full).then().statusCode(409).body("type", equalTo(PROBLEMS + "workshop-full"));

        api(chloe).get("/api/v1/events/" + id).then().statusCode(200).body("placesLeft", equalTo(0))
                .body("waiting", equalTo(2)).body("registrationStatus", equalTo("WAITING"))
                .body("waitingPosition", equalTo(1));
        List<Integer> listed = api(dan).queryParam("limit", 200).get("/api/v1/events").then().statusCode(200)
                .extract().path("items.findAll { it.id == '" + id + "' }.waitingPosition");
        assertThat(listed).containsExactly(2);

        Mailbox.empty();
        api(anna).delete("/api/v1/events/" + id + "/registrations/mine").then().statusCode(204);

        api(chloe).get("/api/v1/events/" + id).then().body("registrationStatus", equalTo("CONFIRMED"))
                .body("waitingPosition", nullValue()).body("placesLeft", equalTo(0)).body("waiting", equalTo(1));
        api(dan).get("/api/v1/events/" + id).then().body("registrationStatus", equalTo("WAITING"))
                .body("waitingPosition", equalTo(1));
        api(anna).get("/api/v1/events/" + id).then().body("registrationStatus", nullValue());
        api(anna).delete("/api/v1/events/" + id + "/registrations/mine").then().statusCode(404);
        assertThat(events(dataSource, id)).containsExactly("workshop.scheduled", "workshop.registered CONFIRMED",
                "workshop.registered CONFIRMED", "workshop.registered WAITING", "workshop.registered WAITING",
                "workshop.withdrawn WITHDRAWN", "workshop.promoted CONFIRMED");

        Mailbox.sendAll(mails);
        String text = Mailbox.text(Mailbox.only(chloePerson.email(), "Une place s'est libérée : Comment mieux manger ?"));
        assertThat(text).contains("Bonjour Chloé").contains("Place du marché").contains("/ateliers");
    }

    @Test
    void aWaitingMemberWhoLeavesTheListFreesNoPlaceAndTheOthersMoveUp() {
        String id = workshopIn("Atelier compost", 1, false, Duration.ofDays(5));
        String first = activeMember("Premiere");
        String second = activeMember("Seconde");
        String third = activeMember("Troisieme");
        register(first, id).then().statusCode(201);
        register(second, id).then().body("waitingPosition", equalTo(1));
        register(third, id).then().body("waitingPosition", equalTo(2));
        api(second).delete("/api/v1/events/" + id + "/registrations/mine").then().statusCode(204);
        api(third).get("/api/v1/events/" + id).then().body("registrationStatus", equalTo("WAITING"))
                .body("waitingPosition", equalTo(1));
        api(first).get("/api/v1/events/" + id).then().body("registrationStatus", equalTo("CONFIRMED"));
    }

    @Test
    void membersSigningUpAtOnceTakeTheCapacityAndTheOthersWaitInOrder() throws Exception {
        String id = workshopIn("Atelier conserves", 2, false, Duration.ofDays(5));
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tokens.add(activeMember("Presse" + i));
        }
        List<Integer> statuses = coop.panier.volunteering.ShiftFixtures.race(tokens, token -> register(token, id).statusCode());
        assertThat(statuses).containsOnly(201);
        api(admin()).get("/api/v1/events/" + id).then().body("placesLeft", equalTo(0)).body("waiting", equalTo(4));
        List<Integer> positions = api(admin()).get("/api/v1/events/" + id + "/registrations").then().statusCode(200)
                .extract().path("items.waitingPosition");
        assertThat(positions).containsExactly(null, null, 1, 2, 3, 4);
    }

    @Test
    void postgresqlRefusesAPlaceBeyondTheCapacity() {
        String id = workshopIn("Atelier pain", 1, false, Duration.ofDays(4));
        register(activeMember("Boulange"), id).then().statusCode(201);
        String other = activeMember("Intrus");
        String otherId = api(other).get("/api/v1/me").path("id");
        assertThatThrownBy(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "insert into workshop_registration (id, workshop_id, member_id, status, registered_at)"
                            + " values (gen_random_uuid(), ?, ?, 'CONFIRMED', now())")) {
                s.setObject(1, UUID.fromString(id));
                s.setObject(2, UUID.fromString(otherId));
                s.executeUpdate();
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("workshop_places_taken");
    }

    @Test
    void anAdminSchedulesOnlyWhatMakesSenseAndCancelsWhatMembersThenNoLongerSee() {
        OffsetDateTime start = OffsetDateTime.now().plusDays(3).withNano(0);
        Map<String, Object> backwards = Map.of("title", "À l'envers", "place", "Local", "capacity", 5, "public", false,
                "startsAt", WorkshopFixtures.iso(start), "endsAt", WorkshopFixtures.iso(start.minusHours(1)));
        api(admin()).contentType(ContentType.JSON).body(backwards).post("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", equalTo("endsAt"));
        Map<String, Object> past = Map.of("title", "Hier", "place", "Local", "capacity", 5, "public", false,
                "startsAt", WorkshopFixtures.iso(start.minusDays(4)), "endsAt", WorkshopFixtures.iso(start.minusDays(4).plusHours(1)));
        api(admin()).contentType(ContentType.JSON).body(past).post("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", equalTo("startsAt"));
        Map<String, Object> blank = Map.of("title", "   ", "place", "Local", "capacity", 5, "public", false,
                "startsAt", WorkshopFixtures.iso(start), "endsAt", WorkshopFixtures.iso(start.plusHours(1)));
        api(admin()).contentType(ContentType.JSON).body(blank).post("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", equalTo("title"));

        String id = workshopIn("Atelier annulé", 5, false, Duration.ofDays(3));
        String member = activeMember("Annule");
        register(member, id).then().statusCode(201);
        api(member).post("/api/v1/events/" + id + "/cancel").then().statusCode(403);
        api(admin()).post("/api/v1/events/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("placesLeft", equalTo(0));
        api(admin()).post("/api/v1/events/" + id + "/cancel").then().statusCode(200);
        api(member).get("/api/v1/events/" + id).then().statusCode(404);
        register(activeMember("Tardive"), id).then().statusCode(404);
        List<String> ids = api(member).queryParam("limit", 200).get("/api/v1/events").then().extract().path("items.id");
        assertThat(ids).doesNotContain(id);
        List<String> admins = api(admin()).queryParam("limit", 200).get("/api/v1/events").then().extract().path("items.id");
        assertThat(admins).contains(id);
    }

    @Test
    void aConfirmedWorkshopIsInTheMembersOwnCalendarFeed() throws Exception {
        String member = activeMember("Agenda");
        String held = workshopIn("Atelier lacto-fermentation", 1, false, Duration.ofDays(8));
        String waited = workshopIn("Atelier plein", 1, false, Duration.ofDays(8));
        register(member, held).then().statusCode(201);
        register(activeMember("Premier"), waited).then().statusCode(201);
        register(member, waited).then().body("status", equalTo("WAITING"));
        String url = api(member).get("/api/v1/me/calendar-feed").then().statusCode(200).extract().path("url");
        String text = api().get(url.substring(url.indexOf("/api/v1/"))).then().statusCode(200).extract().asString();
        List<VEvent> events = new CalendarBuilder().build(new StringReader(text)).getComponents("VEVENT");
        List<String> summaries = events.stream().map(e -> e.getSummary().getValue()).toList();
        assertThat(summaries).contains("Atelier : Atelier lacto-fermentation").doesNotContain("Atelier : Atelier plein");
    }
}
