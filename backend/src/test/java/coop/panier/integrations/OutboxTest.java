package coop.panier.integrations;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.drive.DriveFixtures.order;
import static coop.panier.drive.DriveFixtures.placed;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.drive.DriveFixtures.slot;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * What happens is written to the outbox in the transaction of the change: an event for each
 * committed change, none for a refused one, and events are facts that nothing rewrites.
 */
@QuarkusTest
class OutboxTest extends ApiTest {

    @Inject
    DataSource dataSource;

    @Inject
    MembershipScaleRepository scales;

    record Event(String type, int version, String subjectType, String subjectId, JsonNode payload) {
    }

    @BeforeEach
    void aScale() {
        TestScales.ensureOneInForceToday(scales);
    }

    private List<Event> eventsAbout(String subjectId) throws Exception {
        List<Event> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); var s = c.prepareStatement(
                "select type, version, subject_type, subject_id, payload::text from domain_event where subject_id = ?::uuid order by seq")) {
            s.setString(1, subjectId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new Event(r.getString(1), r.getInt(2), r.getString(3), r.getString(4),
                            new ObjectMapper().readTree(r.getString(5))));
                }
            }
        }
        return events;
    }

    @Test
    void anOrderTellsWhatHappensToIt() throws Exception {
        String alice = activeMember("Alice");
        String honey = product("Miel d'acacia", 900, 1, 5);
        String slot = slot(5, 9);
        String id = placed(alice, slot, honey, 2);
        var read = api(alice).get("/api/v1/orders/" + id);
        api(alice).contentType(ContentType.JSON).header("If-Match", read.header("ETag"))
                .body(order(slot, honey, 3)).put("/api/v1/orders/" + id).then().statusCode(200);
        api(alice).contentType(ContentType.JSON).body(Map.of("reason", "Absente")).post("/api/v1/orders/" + id + "/cancel")
                .then().statusCode(200);

        List<Event> events = eventsAbout(id);
        assertThat(events).extracting(Event::type).containsExactly("order.placed", "order.changed", "order.cancelled");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.subjectType()).isEqualTo("order");
            assertThat(e.version()).isEqualTo(1);
        });
        JsonNode placed = events.get(0).payload();
        assertThat(placed.path("orderId").asText()).isEqualTo(id);
        assertThat(placed.path("slotId").asText()).isEqualTo(slot);
        assertThat(placed.path("totalCents").asLong()).isEqualTo(1800);
        assertThat(placed.path("lines").get(0).path("productName").asText()).isEqualTo("Miel d'acacia");
        assertThat(events.get(1).payload().path("totalCents").asLong()).isEqualTo(2700);
        // What the member wrote stays out of the events, which erasure could not rewrite.
        assertThat(events.get(2).payload().has("reason")).isFalse();
    }

    @Test
    void aRefusedOrderLeavesNoEvent() throws Exception {
        String alice = activeMember("Alice");
        String rare = product("Safran", 1200, 1, 1);
        String slot = slot(5, 9);
        long before = count("order.placed");
        api(alice).contentType(ContentType.JSON).body(order(slot, rare, 3)).post("/api/v1/orders").then().statusCode(409);
        assertThat(count("order.placed")).isEqualTo(before);
    }

    @Test
    void aSlotTellsItsPublicationAndItsCancellationAndEachOrderCancelledWithIt() throws Exception {
        String alice = activeMember("Alice");
        String honey = product("Miel de lavande", 900, 1, 5);
        String slot = slot(5, 9);
        String id = placed(alice, slot, honey, 1);
        api(admin()).contentType(ContentType.JSON).body(Map.of("reason", "Local fermé")).post("/api/v1/pickup-slots/" + slot + "/cancel")
                .then().statusCode(200);
        assertThat(eventsAbout(slot)).extracting(Event::type).containsExactly("slot.published", "slot.cancelled");
        assertThat(eventsAbout(slot).get(1).payload().path("reason").asText()).isEqualTo("Local fermé");
        assertThat(eventsAbout(id)).extracting(Event::type).containsExactly("order.placed", "order.cancelled");
        assertThat(eventsAbout(id).get(1).payload().path("reason").asText()).isEqualTo("Local fermé");
    }

    @Test
    void eventsAreFactsThatPostgresKeepsAsWritten() throws Exception {
        String slot = slot(5, 9);
        try (Connection c = dataSource.getConnection()) {
            assertThatThrownBy(() -> c.createStatement().execute(
                    "update domain_event set payload = '{}' where subject_id = '" + slot + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> c.createStatement().execute("delete from domain_event where subject_id = '" + slot + "'"))
                    .hasMessageContaining("append-only");
        }
        assertThat(eventsAbout(slot)).hasSize(1);
    }

    @Test
    void concurrentOrdersWriteOneEventEachAndNoneForThoseRefused() throws Exception {
        String honey = product("Miel de sapin", 900, 1, 3);
        String slot = slot(50, 9);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(activeMember("Ruée" + i));
        }
        List<Integer> statuses = members.parallelStream().map(token -> api(token).contentType(ContentType.JSON)
                .body(order(slot, honey, 1)).post("/api/v1/orders").statusCode()).toList();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "select count(*) from domain_event e join customer_order o on o.id = e.subject_id"
                        + " where e.type = 'order.placed' and o.slot_id = '" + slot + "'")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(3);
        }
    }

    @Test
    void aMembershipTellsItsJoiningItsPaymentsAndWhenItIsPaid() throws Exception {
        String token = member(TestPerson.random("Jeanne", "Adhésion"));
        var joined = api(token).contentType(ContentType.JSON)
                .body(Map.of("monthlyIncomeCents", 150_000, "household", Map.of("adults", 1, "children", 0)))
                .post("/api/v1/me/membership").then().statusCode(201).extract();
        String id = joined.path("id");
        String household = joined.path("householdId");
        int due = joined.path("amountDueCents");
        for (int part : List.of(due / 2, due - due / 2)) {
            api(admin()).contentType(ContentType.JSON)
                    .body(Map.of("amountCents", part, "method", "CASH", "paidOn", java.time.LocalDate.now().toString()))
                    .post("/api/v1/memberships/" + id + "/payments").then().statusCode(201);
        }
        List<Event> events = eventsAbout(id);
        assertThat(events).extracting(Event::type).containsExactly("membership.joined", "membership.paid");
        assertThat(events.get(0).payload().path("leftToPayCents").asInt()).isEqualTo(due);
        assertThat(events.get(1).payload().path("leftToPayCents").asInt()).isZero();
        assertThat(eventsAbout(household)).extracting(Event::type).containsExactly("payment.recorded", "payment.recorded");
        assertThat(eventsAbout(household).get(0).payload().path("amountCents").asInt()).isEqualTo(due / 2);
    }

    private static void alertUnder(String product, int threshold) {
        var read = api().get("/api/v1/products/" + product);
        Map<String, Object> body = new java.util.HashMap<>(read.jsonPath().getMap(""));
        body.keySet().removeAll(java.util.Set.of("id", "stockOnHand", "onHand", "reserved", "available", "currency"));
        body.put("lowStockThreshold", threshold);
        api(admin()).contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(body)
                .put("/api/v1/products/" + product).then().statusCode(200);
    }

    @Test
    void basketsReservingAProductUnderItsThresholdTellItOnce() throws Exception {
        String lentils = product("Lentilles vertes", 420, 1, 10);
        alertUnder(lentils, 5);
        String slot = slot(10, 9);
        placed(activeMember("Clément"), slot, lentils, 4);
        assertThat(eventsAbout(lentils)).as("6 left: not under 5 yet").isEmpty();
        String other = activeMember("Dalila");
        String second = placed(other, slot, lentils, 2);
        var read = api(other).get("/api/v1/orders/" + second);
        api(other).contentType(ContentType.JSON).header("If-Match", read.header("ETag"))
                .body(order(slot, lentils, 3)).put("/api/v1/orders/" + second).then().statusCode(200);

        List<Event> low = eventsAbout(lentils);
        assertThat(low).extracting(Event::type).containsExactly("stock.low");
        assertThat(low.get(0).payload().path("available").asInt()).isEqualTo(4);
    }

    @Test
    void aProductGoingUnderItsThresholdIsToldOnceAndAMemberStatusChangeWithItsReason() throws Exception {
        String rice = product("Riz rond", 300, 1, 10);
        alertUnder(rice, 5);
        for (int loss : List.of(4, 2, 1)) {
            api(admin()).contentType(ContentType.JSON).body(Map.of("kind", "LOSS", "quantity", loss, "lossReason", "DAMAGED"))
                    .post("/api/v1/products/" + rice + "/stock-movements").then().statusCode(201);
        }
        List<Event> low = eventsAbout(rice);
        assertThat(low).extracting(Event::type).containsExactly("stock.low");
        assertThat(low.get(0).payload().path("available").asInt()).isEqualTo(4);

        String bruno = activeMember("Bruno");
        String memberId = api(bruno).get("/api/v1/me").path("id");
        var member = api(admin()).get("/api/v1/members/" + memberId);
        api(admin()).contentType(ContentType.JSON).header("If-Match", member.header("ETag"))
                .body(Map.of("status", "SUSPENDED", "reason", "Absences répétées"))
                .post("/api/v1/members/" + memberId + "/status-changes").then().statusCode(200);
        List<Event> status = eventsAbout(memberId);
        assertThat(status).extracting(Event::type).containsExactly("member.status_changed");
        assertThat(status.get(0).payload().path("to").asText()).isEqualTo("SUSPENDED");
        assertThat(status.get(0).payload().has("reason")).as("the reason stays in the erasable history").isFalse();
    }

    /** Every event written so far is as the contract documents it: its type in `EventType`, its payload by its schema. */
    @Test
    void everyEventWrittenFollowsTheContract() throws Exception {
        anOrderTellsWhatHappensToIt();
        aMembershipTellsItsJoiningItsPaymentsAndWhenItIsPaid();
        JsonNode contract = coop.panier.testsupport.Contract.tree();
        List<String> documented = new ArrayList<>();
        contract.at("/components/schemas/EventType/enum").forEach(t -> documented.add(t.asText()));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(EventType.values()).map(EventType::wireName).toList());
        var factory = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V4,
                b -> b.metaSchema(com.networknt.schema.oas.OpenApi30.getInstance())
                        .defaultMetaSchemaIri(com.networknt.schema.oas.OpenApi30.getInstance().getIri()));
        var config = com.networknt.schema.SchemaValidatorsConfig.builder().nullableKeywordEnabled(true).build();
        var document = factory.getSchema(com.networknt.schema.SchemaLocation.of(coop.panier.testsupport.Contract.path().toUri().toString()),
                contract, config);
        Map<String, String> schemaOf = new java.util.HashMap<>(Map.of("order", "OrderEventPayload", "slot", "SlotEventPayload",
                "waitlist", "WaitlistEventPayload", "membership", "MembershipEventPayload", "payment", "PaymentEventPayload",
                "member", "MemberStatusEventPayload", "stock", "StockLowEventPayload", "price_list_import", "PriceListImportEventPayload", "webhook", "WebhookEventPayload",
                "shift", "ShiftEventPayload"));
        schemaOf.put("hours", "HoursCreditedEventPayload");
        schemaOf.put("household", "HouseholdStandingEventPayload");
        schemaOf.put("assembly", "AssemblyEventPayload");
        schemaOf.put("fundraiser", "FundraiserEventPayload");
        schemaOf.put("workshop", "WorkshopEventPayload");
        schemaOf.put("proposal", "ProposalEventPayload");
        List<String> wrong = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "select type, payload::text from domain_event")) {
            while (r.next()) {
                String type = r.getString(1);
                var schema = document.getSubSchema(new com.networknt.schema.JsonNodePath(com.networknt.schema.PathType.JSON_POINTER)
                        .append("components").append("schemas").append(schemaOf.get(type.substring(0, type.indexOf('.')))));
                schema.validate(r.getString(2), com.networknt.schema.InputFormat.JSON)
                        .forEach(m -> wrong.add(type + ": " + m.getMessage()));
            }
        }
        assertThat(wrong).isEmpty();
    }

    private long count(String type) throws Exception {
        try (Connection c = dataSource.getConnection(); var s = c.prepareStatement("select count(*) from domain_event where type = ?")) {
            s.setString(1, type);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
