package coop.panier.integrations;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.drive.DriveFixtures.order;
import static coop.panier.drive.DriveFixtures.placed;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.drive.DriveFixtures.slot;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.integration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpServer;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.GreenMailTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

/**
 * Webhooks against a real HTTP receiver started by the test: signed the Standard Webhooks way,
 * retried after a failure with the same id, in order per subject, nothing for a refused change,
 * an endpoint failing for three days is disabled (and the admins told by mail) until an admin
 * enables it again, a delivery replayed, a test event sent to one endpoint.
 */
@QuarkusTest
class WebhookTest extends ApiTest {

    record Received(String id, String timestamp, String signature, String body) {
    }

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    AdminMails adminMails;

    @Inject
    DataSource dataSource;

    @Inject
    MembershipScaleRepository scales;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** The statuses the receiver answers, in turn; 204 once they run out. */
    private final Queue<Integer> answers = new ArrayDeque<>();
    private String webhook;
    private String secret;

    @BeforeEach
    void aReceiverAndAnEndpoint() throws IOException {
        TestScales.ensureOneInForceToday(scales);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8)));
            Integer status;
            synchronized (answers) {
                status = answers.poll();
            }
            exchange.sendResponseHeaders(status == null ? 204 : status, -1);
            exchange.close();
        });
        receiver.start();
        var created = api(admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                        "eventTypes", List.of("order.placed", "order.cancelled"), "description", "Caisse du local"))
                .post("/api/v1/webhooks").then().statusCode(201).extract();
        webhook = created.path("webhook.id");
        secret = created.path("secret");
    }

    @AfterEach
    void removeThem() {
        api(admin()).delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
        receiver.stop(0);
    }

    private void deliverAll() {
        while (deliveries.deliverOne()) {
            // until nothing is due
        }
    }

    private void makeDue() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("update webhook_delivery set next_attempt_at = now() - interval '1 second'"
                    + " where endpoint_id = '" + webhook + "' and status = 'PENDING'");
        }
    }

    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anOrderPlacedReachesTheReceiverSignedAndIsLoggedAsDelivered() throws Exception {
        String id = placed(activeMember("Alice"), slot(5, 9), product("Miel de bruyère", 900, 1, 5), 1);
        assertThat(received).as("nothing is sent inside the member's request").isEmpty();
        deliverAll();

        assertThat(received).hasSize(1);
        Received event = received.get(0);
        assertThat(event.signature()).isEqualTo(hmac(secret, event.id() + "." + event.timestamp() + "." + event.body()));
        JsonNode body = new ObjectMapper().readTree(event.body());
        assertThat(body.path("id").asText()).isEqualTo(event.id());
        assertThat(body.path("type").asText()).isEqualTo("order.placed");
        assertThat(body.path("subject").path("id").asText()).isEqualTo(id);
        assertThat(body.path("data").path("totalCents").asInt()).isEqualTo(900);
        api(admin()).get("/api/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("DELIVERED")).body("items[0].eventType", equalTo("order.placed"))
                .body("items[0].lastStatus", equalTo(204)).body("items[0].attempts", equalTo(1));
        api(admin()).get("/api/v1/webhooks").then().statusCode(200)
                .body("items.find { it.id == '" + webhook + "' }.enabled", equalTo(true))
                .body("items.find { it.id == '" + webhook + "' }.containsKey('secret')", equalTo(false));
    }

    @Test
    void aFailureIsRetriedLaterWithTheSameIdAndLaterEventsOfTheSubjectWait() throws Exception {
        String member = activeMember("Bruno");
        String id = placed(member, slot(5, 9), product("Miel de tilleul", 900, 1, 5), 1);
        api(member).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/orders/" + id + "/cancel").then().statusCode(200);
        answers.add(500);
        deliverAll();
        // order.placed failed; order.cancelled waits behind it, in order per subject.
        assertThat(received).hasSize(1);
        api(admin()).get("/api/v1/webhooks/" + webhook + "/deliveries").then()
                .body("items.find { it.eventType == 'order.placed' }.status", equalTo("PENDING"))
                .body("items.find { it.eventType == 'order.placed' }.lastStatus", equalTo(500))
                .body("items.find { it.eventType == 'order.placed' }.attempts", equalTo(1));

        makeDue();
        deliverAll();
        assertThat(received).extracting(r -> new ObjectMapper().readTree(r.body()).path("type").asText())
                .containsExactly("order.placed", "order.placed", "order.cancelled");
        assertThat(received.get(1).id()).isEqualTo(received.get(0).id());
        api(admin()).get("/api/v1/webhooks/" + webhook + "/deliveries").then()
                .body("items.status", equalTo(List.of("DELIVERED", "DELIVERED")));
    }

    @Test
    void aRefusedOrderSendsNothing() {
        String rare = product("Safran", 1200, 1, 1);
        api(activeMember("Chloé")).contentType(ContentType.JSON).body(order(slot(5, 9), rare, 3)).post("/api/v1/orders")
                .then().statusCode(409);
        deliverAll();
        assertThat(received).isEmpty();
        api(admin()).get("/api/v1/webhooks/" + webhook + "/deliveries").then().body("items.size()", equalTo(0));
    }

    @Test
    void anEndpointFailingForThreeDaysIsDisabled() throws Exception {
        placed(activeMember("Denis"), slot(5, 9), product("Miel de colza", 900, 1, 5), 1);
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("update webhook_endpoint set failing_since = now() - interval '4 days' where id = '" + webhook + "'");
        }
        answers.add(503);
        deliverAll();
        api(admin()).get("/api/v1/webhooks").then()
                .body("items.find { it.id == '" + webhook + "' }.enabled", equalTo(false));
    }

    @Test
    void aDisabledEndpointIsToldToTheAdminsByMailAndAnAdminEnablesItAgain() throws Exception {
        placed(activeMember("Émile"), slot(5, 9), product("Miel d'acacia", 900, 1, 5), 1);
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("update webhook_endpoint set failing_since = now() - interval '4 days' where id = '" + webhook + "'");
        }
        answers.add(503);
        deliverAll();
        assertThat(count("select count(*) from domain_event where type = 'webhook.disabled' and subject_id = '" + webhook + "'"))
                .as("told in the transaction that disabled it").isEqualTo(1);
        while (adminMails.sendOne()) {
            // until every admins' mail is sent
        }
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        MimeMessage mail = Arrays.stream(GreenMailTestResource.server().getReceivedMessagesForDomain("localhost"))
                .filter(m -> subject(m).equals("Webhook désactivé : " + url)).findFirst().orElseThrow();
        assertThat(GreenMailUtil.getAddressList(mail.getAllRecipients())).isEqualTo("admins@localhost");
        var parts = (jakarta.mail.internet.MimeMultipart) mail.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        assertThat(text).contains(url + " (Caisse du local)").contains("réactivez-le depuis la page Intégrations")
                .contains("/gestion/integrations");

        api(admin()).contentType(ContentType.JSON).body(Map.of("enabled", true)).patch("/api/v1/webhooks/" + webhook)
                .then().statusCode(200).body("enabled", equalTo(true)).body("containsKey('failingSince')", equalTo(false));
        deliverAll();
        assertThat(received).as("the order.placed waiting is sent once enabled again").hasSize(2);
        api(admin()).get("/api/v1/webhooks/" + webhook + "/deliveries").then()
                .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(2));
    }

    @Test
    void aDeliveryIsReplayedWithTheSameIdAndKeepsItsPlaceBeforeLaterEventsOfItsSubject() throws Exception {
        String member = activeMember("Fanny");
        String order = placed(member, slot(5, 9), product("Miel de lavande", 900, 1, 5), 1);
        deliverAll();
        String delivery = api(admin()).get("/api/v1/webhooks/" + webhook + "/deliveries").then().extract().path("items[0].id");
        // A later event of the same order, whose first delivery fails.
        api(member).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/orders/" + order + "/cancel").then().statusCode(200);
        answers.add(500);
        deliverAll();

        api(admin()).post("/api/v1/webhooks/" + webhook + "/deliveries/" + delivery + "/replay").then().statusCode(202)
                .body("id", equalTo(delivery)).body("status", equalTo("PENDING")).body("eventType", equalTo("order.placed"));
        makeDue();
        deliverAll();
        assertThat(received).extracting(r -> new ObjectMapper().readTree(r.body()).path("type").asText())
                .containsExactly("order.placed", "order.cancelled", "order.placed", "order.cancelled");
        assertThat(received.get(2).id()).as("receivers drop what they have seen by its id").isEqualTo(received.get(0).id());
        api(admin()).post("/api/v1/webhooks/" + webhook + "/deliveries/" + java.util.UUID.randomUUID() + "/replay")
                .then().statusCode(404);
    }

    @Test
    void aTestEventGoesToThatEndpointOnlySignedLikeAnyOther() throws Exception {
        var other = api(admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                        "eventTypes", List.of("webhook.test")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().<String>path("webhook.id");
        try {
            api(admin()).post("/api/v1/webhooks/" + webhook + "/test").then().statusCode(202)
                    .body("eventType", equalTo("webhook.test")).body("status", equalTo("PENDING"));
            deliverAll();
            assertThat(received).hasSize(1);
            Received event = received.get(0);
            assertThat(event.signature()).isEqualTo(hmac(secret, event.id() + "." + event.timestamp() + "." + event.body()));
            JsonNode body = new ObjectMapper().readTree(event.body());
            assertThat(body.path("type").asText()).isEqualTo("webhook.test");
            assertThat(body.path("subject").path("type").asText()).isEqualTo("webhook");
            assertThat(body.path("data").path("webhookId").asText()).isEqualTo(webhook);
            api(admin()).get("/api/v1/webhooks/" + other + "/deliveries").then().body("items.size()", equalTo(0));
        } finally {
            api(admin()).delete("/api/v1/webhooks/" + other).then().statusCode(204);
        }
        api(admin()).contentType(ContentType.JSON).body(Map.of("enabled", false)).patch("/api/v1/webhooks/" + webhook)
                .then().statusCode(200).body("enabled", equalTo(false));
        api(admin()).post("/api/v1/webhooks/" + webhook + "/test").then().statusCode(409);
    }

    @Test
    void anIntegrationWithTheScopeWebhooksManageManagesWebhooks() {
        String token = integration(Set.of(), "webhooks:manage");
        api(token).get("/api/v1/webhooks").then().statusCode(200)
                .body("items.find { it.id == '" + webhook + "' }.description", equalTo("Caisse du local"));
        api(token).post("/api/v1/webhooks/" + webhook + "/test").then().statusCode(202);
        api(integration(Set.of("admin"), "catalog:read")).get("/api/v1/webhooks").then().statusCode(403);
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); var r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAddressInsideTheCoopsNetworkIsRefusedUnlessTheOperatorAllowsIt() {
        Webhooks strict = new Webhooks();
        strict.allowPrivate = false;
        assertThat(strict.unsafe("https://93.184.216.34/hooks")).isNull();
        for (String inside : List.of("https://127.0.0.1/hooks", "https://10.1.2.3/", "https://192.168.1.10/",
                "https://169.254.169.254/latest/meta-data", "https://[::1]/", "https://[fd00::1]/", "https://0.0.0.0/")) {
            assertThat(strict.unsafe(inside)).as(inside).isNotNull();
        }
        assertThat(strict.unsafe("http://93.184.216.34/hooks")).isEqualTo("une adresse https est nécessaire");
    }
}
