package coop.panier.dashboard;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.drive.DriveFixtures.placed;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.drive.DriveFixtures.slot;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.integration;
import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.QueryPlans;
import coop.panier.testsupport.RecordedStatements;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The admins' dashboard: each situation that needs attention is made, then read back in its
 * area's figures. The database is shared with the other tests, so counts are compared with
 * what they were before, and rows are found by their id.
 */
@QuarkusTest
class DashboardTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @Inject
    MembershipScaleRepository scales;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void aScale() {
        TestScales.ensureOneInForceToday(scales);
    }

    @Test
    void todaysSlotCountsItsBasketsToPrepareAndPrepared() throws Exception {
        String potatoes = product("Pommes de terre du tableau", 250, 1, 20);
        String slot = slot(10, 4);
        String prepared = placed(activeMember("Prune"), slot, potatoes, 2);
        placed(activeMember("Paul"), slot, potatoes, 1);
        placed(activeMember("Pia"), slot, potatoes, 1);
        api(admin()).contentType(ContentType.JSON).body(Map.of("status", "PREPARED"))
                .post("/api/v1/orders/" + prepared + "/status").then().statusCode(200);
        assertThat(dashboard().getList("pickups.slots.id")).doesNotContain(slot);

        startsNow(slot);

        JsonPath read = dashboard();
        LocalDate today = LocalDate.now(ZONE);
        assertThat(read.getString("pickups.today")).isEqualTo(today.toString());
        assertThat(read.getString("pickups.tomorrow")).isEqualTo(today.plusDays(1).toString());
        Map<String, Object> shown = read.getMap("pickups.slots.find { it.id == '" + slot + "' }");
        assertThat(shown).containsEntry("toPrepare", 2).containsEntry("prepared", 1).containsEntry("pickedUp", 0)
                .containsEntry("capacity", 10).containsEntry("place", "Local de la coop");
        List<String> starts = read.getList("pickups.slots.startsAt");
        assertThat(starts).allSatisfy(start -> assertThat(OffsetDateTime.parse(start).atZoneSameInstant(ZONE)
                .toLocalDate()).isBetween(today, today.plusDays(1)));
        assertThat(starts.stream().map(OffsetDateTime::parse).toList()).isSorted();
    }

    @Test
    void aMembershipAwaitingPaymentIsCountedTheLongestWaitingFirst() {
        int before = dashboard().getInt("memberships.count");
        api(member(TestPerson.random("Mona", "Attente"))).contentType(ContentType.JSON)
                .body(Map.of("monthlyIncomeCents", 150_000, "household", Map.of("adults", 1, "children", 0),
                        "solidarityCents", 0))
                .post("/api/v1/me/membership").then().statusCode(201);
        activeMember("Paye");

        JsonPath read = dashboard();
        assertThat(read.getInt("memberships.count")).isEqualTo(before + 1);
        List<Map<String, Object>> items = read.getList("memberships.items");
        assertThat(items).hasSizeBetween(1, 3).allSatisfy(m -> assertThat((Integer) m.get("leftToPayCents")).isPositive());
        assertThat(items.stream().map(m -> OffsetDateTime.parse((String) m.get("createdAt"))).toList()).isSorted();
    }

    @Test
    void aProductUnderItsThresholdIsLowStockAsOnTheLowStockScreen() throws Exception {
        int before = dashboard().getInt("lowStock.count");
        String honey = product("Miel du tableau", 900, 1, 2);
        sql("update product set low_stock_threshold = 5 where id = ?", UUID.fromString(honey));

        JsonPath read = dashboard();
        assertThat(read.getInt("lowStock.count")).isEqualTo(before + 1)
                .isEqualTo(api(admin()).get("/api/v1/stock/low").then().statusCode(200).extract()
                        .<List<?>>path("items").size());
        assertThat(read.getList("lowStock.items")).hasSizeBetween(1, 3);
    }

    @Test
    void aSupplierWhoseLatestImportFailedUntilAnImportWorks() throws Exception {
        int before = dashboard().getInt("priceListImports.count");
        String supplier = api(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Ferme du tableau " + UUID.randomUUID().toString().substring(0, 6), "kind", "PRODUCER"))
                .post("/api/v1/suppliers").then().statusCode(201).extract().path("id");
        UUID failed = importOf(supplier, "FAILED", "interval '1 hour'");

        JsonPath read = dashboard();
        assertThat(read.getInt("priceListImports.count")).isEqualTo(before + 1);
        assertThat(read.getString("priceListImports.items[0].importId")).isEqualTo(failed.toString());
        assertThat(read.getString("priceListImports.items[0].supplierId")).isEqualTo(supplier);
        assertThat(read.getString("priceListImports.items[0].fileName")).isEqualTo("tarifs.csv");

        importOf(supplier, "DONE", "interval '0 hour'");
        assertThat(dashboard().getInt("priceListImports.count")).isEqualTo(before);
    }

    @Test
    void aFailingWebhookEndpointAndAMailThatCouldNotBeSent() throws Exception {
        String member = activeMember("Mael");
        String order = placed(member, slot(5, 5), product("Confiture du tableau", 450, 1, 5), 1);
        int mailsBefore = dashboard().getInt("mails.count");
        sql("""
                update mail_delivery set status = 'FAILED', sent_at = null, attempts = 12,
                    last_error = 'SMTPSendFailedException: 550 boîte pleine'
                where event_id in (select id from domain_event where subject_id = ?)""", UUID.fromString(order));
        String webhook = api(admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://caisse.example.org/tableau", "eventTypes", List.of("stock.low")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("webhook.id");
        try {
            sql("update webhook_endpoint set failing_since = now() - interval '400 days' where id = ?",
                    UUID.fromString(webhook));

            JsonPath read = dashboard();
            assertThat(read.getInt("webhooks.count")).isPositive();
            assertThat(read.getString("webhooks.items[0].webhookId")).isEqualTo(webhook);
            assertThat(read.getBoolean("webhooks.items[0].enabled")).isTrue();
            assertThat(read.getInt("mails.count")).isEqualTo(mailsBefore + 1);
            assertThat(read.getString("mails.items[0].eventType")).isEqualTo("order.placed");
            assertThat(read.getString("mails.items[0].memberName")).isEqualTo("Mael Drive");
            assertThat(read.getString("mails.items[0].lastError")).contains("boîte pleine");
        } finally {
            api(admin()).delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
        }
    }

    @Test
    void oneQueryPerAreaWhateverTheRowsAndFailedMailsFoundByTheirIndex() throws Exception {
        RecordedStatements.clear();
        dashboard();
        assertThat(RecordedStatements.containing("count(*) over ()")).hasSize(6);
        assertThat(RecordedStatements.containing("from pickup_slot s")).hasSize(1);
        String mails = RecordedStatements.containing("from mail_delivery d").get(0);
        assertThat(QueryPlans.plan(dataSource, mails, List.of(OffsetDateTime.now().minusDays(7), 3)))
                .contains("mail_delivery_failed");
    }

    @Test
    void onlyAdminsSeeIt() {
        api(member(TestPerson.random("Marc", "Membre"))).get("/api/v1/admin/dashboard").then().statusCode(403);
        api(integration(Set.of("admin", "member"), "catalog:read", "orders:read")).get("/api/v1/admin/dashboard")
                .then().statusCode(403);
        api().get("/api/v1/admin/dashboard").then().statusCode(401);
    }

    private static JsonPath dashboard() {
        return api(admin()).get("/api/v1/admin/dashboard").then().statusCode(200).extract().jsonPath();
    }

    /** Time passes: the slot, its orders taken, starts now. */
    private void startsNow(String slot) throws Exception {
        sql("""
                update pickup_slot set order_deadline = now() - interval '1 hour', starts_at = now(),
                    ends_at = now() + interval '2 hours'
                where id = ?""", UUID.fromString(slot));
    }

    /** An import of the supplier finished in that state, started that long ago; its id. */
    private UUID importOf(String supplier, String status, String ago) throws Exception {
        UUID id = UUID.randomUUID();
        sql("insert into price_list_import (id, supplier_id, file_name, status, total_lines, started_at, finished_at)"
                + " values (?, ?, 'tarifs.csv', ?, 0, now() - " + ago + ", now())", id, UUID.fromString(supplier), status);
        return id;
    }

    private void sql(String statement, Object... parameters) throws Exception {
        try (Connection c = dataSource.getConnection(); var s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.execute();
        }
    }
}
