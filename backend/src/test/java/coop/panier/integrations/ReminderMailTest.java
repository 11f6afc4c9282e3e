package coop.panier.integrations;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.drive.DriveFixtures.placed;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.drive.DriveFixtures.slot;
import static coop.panier.testsupport.Mailbox.only;
import static coop.panier.testsupport.Mailbox.subjects;
import static coop.panier.testsupport.Mailbox.text;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.drive.DriveFixtures;
import coop.panier.drive.PickupReminders;
import coop.panier.memberships.ExpiringMemberships;
import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.GreenMailTestResource;
import coop.panier.testsupport.Mailbox;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * The mails the co-op sends on its own initiative (the day-before reminder, the membership
 * ending) and those of a membership (joined, awaiting payment, the receipt of a payment): in the
 * member's mailbox, once, and only to those who want the reminders. Admins see what failed and
 * send it again.
 */
@QuarkusTest
class ReminderMailTest extends ApiTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    MailDeliveries mails;

    @Inject
    io.quarkus.mailer.Mailer mailer;

    @Inject
    PickupReminders reminders;

    @Inject
    ExpiringMemberships expiring;

    @Inject
    MembershipScaleRepository scales;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void aScaleAndNothingDue() {
        TestScales.ensureOneInForceToday(scales);
        Mailbox.sendAll(mails);
        Mailbox.empty();
    }

    /** Noon, `days` days from today, in the co-op's time: when the worker would look. */
    private static Instant noonIn(int days) {
        return LocalDate.now(PARIS).plusDays(days).atTime(LocalTime.NOON).atZone(PARIS).toInstant();
    }

    private static void choose(String token, Map<String, Object> preferences) {
        var me = api(token).get("/api/v1/me");
        api(token).contentType(ContentType.JSON).header("If-Match", me.header("ETag"))
                .body(Map.of("preferences", preferences)).put("/api/v1/me").then().statusCode(200);
    }

    private long events(String type, String subject) throws Exception {
        try (Connection c = dataSource.getConnection();
                var s = c.prepareStatement("select count(*) from domain_event where type = ? and subject_id = ?::uuid")) {
            s.setString(1, type);
            s.setString(2, subject);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void theDayBeforeAPickupTheMemberIsRemindedOnceUnlessTheyTurnedItOff() throws Exception {
        TestPerson emma = TestPerson.random("Emma", "Rappel");
        TestPerson farid = TestPerson.random("Farid", "Sansrappel");
        String emmaToken = activeMember(emma);
        String faridToken = activeMember(farid);
        choose(faridToken, Map.of("language", "fr", "pickupReminder", false));
        api(faridToken).get("/api/v1/me").then().body("preferences.pickupReminder", org.hamcrest.Matchers.is(false))
                .body("preferences.membershipReminder", org.hamcrest.Matchers.is(true));
        String slot = slot(5, 40);
        String honey = product("Miel de lavande", 950, 1, 10);
        String emmaOrder = placed(emmaToken, slot, honey, 2);
        String faridOrder = placed(faridToken, slot, honey, 1);

        assertThat(reminders.remind(noonIn(38))).as("two days before: not yet").isZero();
        assertThat(reminders.remind(noonIn(39).minusSeconds(3 * 3600))).as("the day before, at 9:00: not yet").isZero();
        assertThat(reminders.remind(noonIn(39))).isGreaterThanOrEqualTo(2);
        assertThat(reminders.remind(noonIn(39).plusSeconds(3600))).as("once").isZero();
        Mailbox.sendAll(mails);

        var mail = only(emma.email(), "Rappel : retrait de la commande n° ");
        assertThat(text(mail)).contains("demain").contains("Local de la coop").contains("Miel de lavande")
                .contains("19,00").contains("Mon compte");
        assertThat(subjects(farid.email())).as("Farid turned the reminder off, not his confirmations")
                .noneMatch(s -> s.startsWith("Rappel")).anyMatch(s -> s.startsWith("Commande n° "));
        assertThat(events("order.pickup_reminder", emmaOrder)).isEqualTo(1);
        assertThat(events("order.pickup_reminder", faridOrder)).as("the event is told to integrations all the same")
                .isEqualTo(1);
    }

    @Test
    void joiningTellsWhatIsLeftToPayAndAPaymentSendsAReceipt() throws Exception {
        TestPerson gaelle = TestPerson.random("Gaëlle", "Adhésion");
        String token = member(gaelle);
        var joined = DriveFixtures.joined(token);
        int due = joined.path("leftToPayCents");
        Mailbox.sendAll(mails);
        var awaiting = only(gaelle.email(), "Adhésion enregistrée : en attente de paiement");
        assertThat(text(awaiting)).contains("Bonjour Gaëlle").contains("Reste à payer : " + MailTexts.money(due, "fr"));

        api(admin()).contentType(ContentType.JSON)
                .body(Map.of("amountCents", due, "method", "CHEQUE", "paidOn", LocalDate.now(PARIS).toString()))
                .post("/api/v1/memberships/" + joined.path("id") + "/payments").then().statusCode(201);
        Mailbox.sendAll(mails);
        var receipt = only(gaelle.email(), "Reçu de votre paiement de " + MailTexts.money(due, "fr"));
        assertThat(text(receipt)).contains("chèque").contains("Votre adhésion est réglée");
    }

    @Test
    void thirtyDaysBeforeTheEndTheHouseholdIsToldOnceUnlessItRenewedOrTurnedItOff() throws Exception {
        TestPerson hugo = TestPerson.random("Hugo", "Fin");
        TestPerson ines = TestPerson.random("Inès", "Sansrappel");
        activeMember(hugo);
        String inesToken = activeMember(ines);
        choose(inesToken, Map.of("language", "en", "membershipReminder", false));
        String membership = api(member(hugo)).get("/api/v1/memberships").then().statusCode(200)
                .extract().path("items[0].id");
        LocalDate end = LocalDate.parse(api(member(hugo)).get("/api/v1/memberships/" + membership).then()
                .extract().path("periodEnd"));
        Mailbox.sendAll(mails);
        Mailbox.empty();

        assertThat(expiring.tell(end.minusDays(31))).as("31 days before: not yet").isZero();
        assertThat(expiring.tell(end.minusDays(30))).isPositive();
        assertThat(expiring.tell(end.minusDays(29))).as("once").isZero();
        Mailbox.sendAll(mails);

        var mail = only(hugo.email(), "Votre adhésion se termine bientôt");
        assertThat(text(mail)).contains("se termine le").contains("renouveler");
        assertThat(subjects(ines.email())).as("Inès turned the reminder off").isEmpty();
        assertThat(events("membership.expiring", membership)).isEqualTo(1);
    }

    @Test
    void aMailThatCouldNotBeSentIsShownToAdminsWhoSendItAgain() throws Exception {
        TestPerson jules = TestPerson.random("Jules", "Échec");
        String token = activeMember(jules);
        Mailbox.sendAll(mails);
        Mailbox.empty();
        GreenMailTestResource.down();
        try {
            placed(token, slot(5, 9), product("Noix", 600, 1, 5), 1);
            try (Connection c = dataSource.getConnection()) {
                c.createStatement().execute("update mail_delivery set attempts = " + (MailDeliveries.GIVE_UP_AFTER_ATTEMPTS - 1)
                        + " where status = 'PENDING'");
            }
            Mailbox.sendAll(mails);
        } finally {
            Mailbox.serverBack(mailer);
        }
        var failed = api(admin()).queryParam("status", "FAILED").get("/api/v1/mail-deliveries").then().statusCode(200)
                .extract().jsonPath();
        int index = failed.getList("items.recipient.firstName").indexOf("Jules");
        assertThat(index).as("Jules's mail among the failed ones").isNotNegative();
        String id = failed.getString("items[" + index + "].id");
        assertThat(failed.getString("items[" + index + "].eventType")).isEqualTo("order.placed");
        assertThat(failed.getString("items[" + index + "].lastError")).isNotBlank();
        api(token).get("/api/v1/mail-deliveries").then().statusCode(403);

        api(admin()).post("/api/v1/mail-deliveries/" + id + "/retry").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.is("PENDING")).body("attempts", org.hamcrest.Matchers.is(0));
        for (int round = 0; round < 3 && subjects(jules.email()).isEmpty(); round++) {
            // The first send after the server's restart may meet a connection it closed.
            try (Connection c = dataSource.getConnection()) {
                c.createStatement().execute("update mail_delivery set next_attempt_at = now() where status = 'PENDING'");
            }
            Mailbox.sendAll(mails);
        }
        assertThat(subjects(jules.email())).singleElement().asString().startsWith("Commande n° ");
        api(admin()).post("/api/v1/mail-deliveries/" + id + "/retry").then().statusCode(409);
        api(admin()).post("/api/v1/mail-deliveries/" + java.util.UUID.randomUUID() + "/retry").then().statusCode(404);
    }
}
