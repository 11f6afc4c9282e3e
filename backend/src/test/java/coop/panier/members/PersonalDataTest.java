package coop.panier.members;

import static coop.panier.drive.DriveFixtures.order;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.drive.DriveFixtures.slot;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import coop.panier.drive.DriveFixtures;
import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.DatabaseDump;
import coop.panier.testsupport.LogCapture;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** A member downloads their data; an admin erases a member who left, and history keeps its figures. */
@QuarkusTest
class PersonalDataTest extends ApiTest {

    @Inject
    DataSource dataSource;

    @Inject
    MembershipScaleRepository scales;

    @Inject
    RecordingSignInAccounts accounts;

    private static Response changeStatus(String id, String status, String reason) {
        String etag = api(admin()).get("/api/v1/members/" + id).header("ETag");
        return api(admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", status, "reason", reason)).post("/api/v1/members/" + id + "/status-changes");
    }

    @Test
    void aMemberDownloadsEverythingPanierHoldsAboutThemAndItIsLogged() {
        TestScales.ensureOneInForceToday(scales);
        TestPerson person = TestPerson.random("Odile", "Exportée");
        String token = DriveFixtures.activeMember(person);
        String honey = product("Miel exporté", 850, 1, 10);
        String orderId = api(token).contentType(ContentType.JSON).body(order(slot(5, 7), honey, 2))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");

        Response export = api(token).get("/api/v1/me/export");
        export.then().statusCode(200).contentType("application/json")
                .header("Content-Disposition", containsString("attachment; filename=\"panier-mes-donnees-A-"))
                .body("profile.email", equalTo(person.email()))
                .body("profile.firstName", equalTo("Odile"))
                .body("household.adults", equalTo(1))
                .body("memberships", hasSize(1))
                .body("accountEntries.kind", equalTo(List.of("FEE_DUE", "PAYMENT")))
                .body("orders", hasSize(1))
                .body("orders[0].id", equalTo(orderId))
                .body("orders[0].lines[0].productName", equalTo("Miel exporté"))
                .body("personalDataLog.kind", equalTo(List.of("EXPORT")));
        assertThat(export.asString()).doesNotContainIgnoringCase("income").doesNotContainIgnoringCase("revenu");

        api(admin()).get("/api/v1/me/export").then().statusCode(200).body("orders", hasSize(0));
        outsideContract().get("/api/v1/me/export").then().statusCode(401);
    }

    @Test
    void anErasedMemberLeavesNoNameNorEmailInTheDatabaseOrTheLogsButHistoryKeepsItsFigures() throws SQLException {
        TestScales.ensureOneInForceToday(scales);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        TestPerson person = new TestPerson(UUID.randomUUID().toString(), "ysolde." + tag + "@quintessence.example",
                "Ysolde", "Quintessence" + tag);
        String surname = person.lastName();
        Response erased;
        String memberId;
        String orderId;
        List<String> logs;
        try (LogCapture log = LogCapture.of("")) {
            String token = DriveFixtures.activeMember(person);
            memberId = api(token).get("/api/v1/me").path("id");
            String honey = product("Miel effacé", 850, 1, 10);
            orderId = api(token).contentType(ContentType.JSON).body(order(slot(5, 7), honey, 1))
                    .post("/api/v1/orders").then().statusCode(201).extract().path("id");
            api(admin()).contentType(ContentType.JSON).body(Map.of("reason", "Ysolde " + surname + " ne viendra pas"))
                    .post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(200);
            api(token).get("/api/v1/me/export").then().statusCode(200);

            api(admin()).post("/api/v1/members/" + memberId + "/erasure").then().statusCode(409)
                    .body("detail", containsString("parti"));
            changeStatus(memberId, "LEFT", "Ysolde " + surname + " (" + person.email() + ") déménage").then().statusCode(200);

            erased = api(admin()).post("/api/v1/members/" + memberId + "/erasure");
            erased.then().statusCode(200).body("firstName", equalTo("Anonyme")).body("lastName", equalTo(""))
                    .body("status", equalTo("LEFT"));
            logs = log.lines();
        }
        String number = erased.path("memberNumber");
        assertThat(erased.jsonPath().getString("email")).isEqualTo(number.toLowerCase() + "@anonyme.invalid");
        assertThat(accounts.callsFor(person.subject())).extracting(RecordingSignInAccounts.Call::what)
                .containsExactly("disable", "remove");

        // Orders, account entries and history stay, attached to the anonymised member.
        api(admin()).get("/api/v1/orders/" + orderId).then().statusCode(200).body("memberNumber", equalTo(number))
                .body("cancelReason", equalTo("[anonymisé] ne viendra pas"));
        api(admin()).get("/api/v1/members/" + memberId + "/status-changes").then().statusCode(200)
                .body("items.to", equalTo(List.of("LEFT")))
                .body("items[0].reason", equalTo("[anonymisé] ([anonymisé]) déménage"));
        api(admin()).post("/api/v1/members/" + memberId + "/erasure").then().statusCode(409);
        changeStatus(memberId, "ACTIVE", "Retour").then().statusCode(409);

        String dump = DatabaseDump.of(dataSource);
        assertThat(dump).contains(number).doesNotContainIgnoringCase(surname).doesNotContainIgnoringCase("ysolde")
                .doesNotContainIgnoringCase(person.email());
        assertThat(logs).isNotEmpty().noneMatch(line -> line.toLowerCase().contains(surname.toLowerCase())
                || line.toLowerCase().contains(person.email()));

        assertThat(query("select kind || ':' || (performed_by is not null) from personal_data_action where member_id = '"
                + memberId + "' order by seq")).containsExactly("EXPORT:true", "ERASURE:true");
    }

    @Test
    void historyStaysAppendOnlyOutsideAnErasureAndEvenInOne() throws SQLException {
        TestPerson person = TestPerson.random("Hector", "Historique");
        String id = api(member(person)).get("/api/v1/me").path("id");
        changeStatus(id, "LEFT", "Départ").then().statusCode(200);

        assertThatThrownBy(() -> execute("update member_status_change set reason = 'réécrit' where member_id = '" + id + "'"))
                .hasMessageContaining("is history");
        // Declared for this member who left: the reason may change, nothing else may.
        assertThatThrownBy(() -> execute("select set_config('panier.erasing_member', '" + id + "', true);"
                + " update member_status_change set to_status = 'ACTIVE' where member_id = '" + id + "'"))
                .hasMessageContaining("is history");
        assertThatThrownBy(() -> execute("select set_config('panier.erasing_member', '" + id + "', true);"
                + " delete from member_status_change where member_id = '" + id + "'"))
                .hasMessageContaining("is history");
        // A member who has not left cannot be declared erased.
        String active = api(member(TestPerson.random("Irène", "Présente"))).get("/api/v1/me").path("id");
        assertThatThrownBy(() -> execute("select set_config('panier.erasing_member', '" + active + "', true);"
                + " update member set erased_at = now() where id = '" + active + "'"))
                .hasMessageContaining("only a member who left");
    }

    @Test
    void onlyAdminsErase() {
        String someone = api(member(TestPerson.random("Jules", "Curieux"))).get("/api/v1/me").path("id");
        api(member(TestPerson.random("Karim", "Curieux"))).post("/api/v1/members/" + someone + "/erasure")
                .then().statusCode(403);
        api(admin()).post("/api/v1/members/" + UUID.randomUUID() + "/erasure").then().statusCode(404);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute(sql);
            } finally {
                c.rollback();
            }
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
