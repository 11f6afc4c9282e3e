package coop.panier.integrations;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.testsupport.Mailbox.text;
import static coop.panier.testsupport.Mailbox.to;
import static coop.panier.drive.DriveFixtures.order;
import static coop.panier.drive.DriveFixtures.placed;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.drive.DriveFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.GreenMailTestResource;
import coop.panier.testsupport.Mailbox;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

/**
 * Mails through a real SMTP server (GreenMail in the test JVM): what the member reads, in their
 * language, sent apart from their request; a mail server that refuses is retried later and the
 * event is not lost.
 */
@QuarkusTest
class MailTest extends ApiTest {

    @Inject
    MailDeliveries mails;

    @Inject
    io.quarkus.mailer.Mailer mailer;

    @Inject
    DataSource dataSource;

    @Inject
    MembershipScaleRepository scales;

    @BeforeEach
    void aScaleAndNothingDue() {
        TestScales.ensureOneInForceToday(scales);
        sendAll();
        Mailbox.empty();
    }

    private void sendAll() {
        Mailbox.sendAll(mails);
    }

    /** A member who may order, whose membership mails are already read: the mailbox shows what the test does. */
    private String active(TestPerson person) {
        String token = activeMember(person);
        sendAll();
        Mailbox.empty();
        return token;
    }

    @Test
    void anOrderPlacedIsConfirmedByMailWithItsSlotLinesAndTotal() throws Exception {
        TestPerson alice = TestPerson.random("Alice", "Courriel");
        String token = active(alice);
        String honey = product("Miel de montagne", 890, 1, 5);
        String slot = slot(5, 9);
        placed(token, slot, honey, 2);
        assertThat(to(alice.email())).as("nothing is sent inside the member's request").isEmpty();
        sendAll();

        List<MimeMessage> received = to(alice.email());
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).matches("Commande n° \\d+ confirmée");
        String body = text(mail);
        assertThat(body).contains("Bonjour Alice").contains("Local de la coop").contains("Miel de montagne")
                .contains("17:00").contains("17,80");
    }

    @Test
    void aMemberWhoReadsEnglishGetsTheMailInEnglish() throws Exception {
        TestPerson bob = TestPerson.random("Bob", "Mail");
        String token = active(bob);
        var me = api(token).get("/api/v1/me");
        Map<String, Object> profile = Map.of("preferences", Map.of("language", "en"));
        api(token).contentType(ContentType.JSON).header("If-Match", me.header("ETag")).body(profile).put("/api/v1/me")
                .then().statusCode(200);
        String id = placed(token, slot(5, 9), product("Honey", 900, 1, 5), 1);
        api(token).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/orders/" + id + "/cancel").then().statusCode(200);
        sendAll();

        List<String> subjects = Mailbox.subjects(bob.email());
        assertThat(subjects).hasSize(2).allMatch(s -> s.startsWith("Order no. "));
        assertThat(subjects.get(1)).endsWith("cancelled");
        assertThat(text(to(bob.email()).get(0))).contains("Hello Bob").contains("€9.00");
    }

    @Test
    void aMailServerThatFailsIsTriedAgainLaterAndTheMailIsNotLost() throws Exception {
        TestPerson chloe = TestPerson.random("Chloé", "Panne");
        String token = active(chloe);
        GreenMailTestResource.down();
        try {
            placed(token, slot(5, 9), product("Miel de sarrasin", 900, 1, 5), 1);
            sendAll();
        } finally {
            Mailbox.serverBack(mailer);
        }
        assertThat(to(chloe.email())).isEmpty();
        try (Connection c = dataSource.getConnection(); var r = c.createStatement().executeQuery(
                "select count(*) from mail_delivery where status = 'PENDING' and attempts = 1 and last_error is not null")) {
            r.next();
            assertThat(r.getInt(1)).isGreaterThanOrEqualTo(1);
        }
        // Later tries, as the worker's back-off brings them: the first after the restart may still
        // meet a connection the server closed, the next one goes through.
        for (int round = 0; round < 3 && to(chloe.email()).isEmpty(); round++) {
            try (Connection c = dataSource.getConnection()) {
                c.createStatement().execute("update mail_delivery set next_attempt_at = now() where status = 'PENDING'");
            }
            sendAll();
        }
        assertThat(to(chloe.email())).hasSize(1);
    }

    @Test
    void aRefusedOrderMailsNothing() {
        TestPerson denis = TestPerson.random("Denis", "Refus");
        String token = active(denis);
        api(token).contentType(ContentType.JSON).body(order(slot(5, 9), product("Safran", 1200, 1, 1), 3))
                .post("/api/v1/orders").then().statusCode(409);
        sendAll();
        assertThat(to(denis.email())).isEmpty();
    }
}
