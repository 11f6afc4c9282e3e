package coop.panier.drive;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.drive.DriveFixtures.order;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.drive.DriveFixtures.slot;
import static coop.panier.drive.DriveFixtures.stock;
import static coop.panier.testsupport.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
class PreparationListTest extends ApiTest {

    @Inject
    MembershipScaleRepository scales;

    @Inject
    DataSource dataSource;

    @Inject
    OrderLifecycle lifecycle;

    private String slot;
    private String potatoes;
    private String honey;
    private String anna;
    private String basile;

    @BeforeEach
    void twoBaskets() {
        TestScales.ensureOneInForceToday(scales);
        potatoes = product("Pommes de terre", 250, 0.5, 50);
        honey = product("Miel d'acacia", 900, 1, 10);
        slot = slot(10, 25);
        anna = activeMember("Anna");
        basile = activeMember("Basile");
        api(anna).contentType(ContentType.JSON).body(order(slot, potatoes, 2.5, honey, 1)).post("/api/v1/orders")
                .then().statusCode(201);
        api(basile).contentType(ContentType.JSON).body(order(slot, potatoes, 1)).post("/api/v1/orders")
                .then().statusCode(201);
    }

    private String numberOf(String token) {
        return api(token).get("/api/v1/me").path("memberNumber");
    }

    @Test
    void byProductAndByMemberAsJson() {
        api(admin()).get("/api/v1/pickup-slots/" + slot + "/preparation-list").then().statusCode(200)
                .body("byProduct", hasSize(2))
                .body("byProduct.find { it.productId == '" + potatoes + "' }.quantity", equalTo(3.5f))
                .body("byProduct.find { it.productId == '" + potatoes + "' }.orders", equalTo(2))
                .body("byMember", hasSize(2))
                .body("byMember.find { it.memberNumber == '" + numberOf(anna) + "' }.totalCents", equalTo(625 + 900));
    }

    @Test
    void asCsvForASpreadsheet() {
        String csv = new String(api(admin()).accept("text/csv")
                .get("/api/v1/pickup-slots/" + slot + "/preparation-list").then().statusCode(200)
                .contentType(containsStringMatcher("text/csv")).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFCréneau;Commande;Adhérent");
        assertThat(csv).contains(numberOf(anna)).contains("Pommes de terre;2,5;kg;2,50;6,25");
    }

    @Test
    void asAPrintablePdfWithEachMembersNumber() throws Exception {
        byte[] pdf = api(admin()).accept("application/pdf").get("/api/v1/pickup-slots/" + slot + "/preparation-list")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Liste de préparation").contains(numberOf(anna)).contains(numberOf(basile))
                    .contains("3,5 kg  Pommes de terre  (2 paniers)").contains("Total : 15,25 €");
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(595.27563f);
        }
    }

    @Test
    void theDayListGathersTheDaysSlotsAndNoShowsGiveTheirStockBack() throws Exception {
        String day = api(admin()).get("/api/v1/pickup-slots/" + slot).<String>path("startsAt").substring(0, 10);
        api(admin()).get("/api/v1/preparation-lists/" + day).then().statusCode(200).body("byMember.size()",
                org.hamcrest.Matchers.greaterThanOrEqualTo(2));

        slotEndedHoursAgo(slot, 3);
        lifecycle.markNoShows();
        List<String> statuses = api(admin()).queryParam("slotId", slot).get("/api/v1/orders").path("items.status");
        assertThat(statuses).containsOnly("NO_SHOW");
        assertThat(stock(potatoes)).isEqualTo(50);
        api(admin()).queryParam("slotId", slot).get("/api/v1/orders").then()
                .body("items[0].householdNoShows", equalTo(1));
        api(admin()).get("/api/v1/pickup-slots/" + slot + "/preparation-list").then().body("byMember", hasSize(0));
    }

    private static org.hamcrest.Matcher<String> containsStringMatcher(String s) {
        return org.hamcrest.Matchers.containsString(s);
    }

    /** Time passes: the slot ended some hours ago. */
    private void slotEndedHoursAgo(String slotId, int hours) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                update pickup_slot set order_deadline = now() - make_interval(hours => ? + 49),
                    starts_at = now() - make_interval(hours => ? + 1), ends_at = now() - make_interval(hours => ?)
                where id = ?""")) {
            s.setInt(1, hours);
            s.setInt(2, hours);
            s.setInt(3, hours);
            s.setObject(4, UUID.fromString(slotId));
            s.executeUpdate();
        }
    }
}
