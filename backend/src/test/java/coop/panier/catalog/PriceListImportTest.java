package coop.panier.catalog;

import static coop.panier.testsupport.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.testsupport.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class PriceListImportTest extends ApiTest {

    private String tag;
    private String supplier;

    @BeforeEach
    void aSupplierAndItsShelf() {
        tag = UUID.randomUUID().toString().substring(0, 6);
        supplier = api(admin()).contentType(ContentType.JSON).body(Map.of("name", "Grossiste " + tag, "kind", "WHOLESALER"))
                .post("/api/v1/suppliers").then().statusCode(201).extract().path("id");
        api(admin()).contentType(ContentType.JSON).body(Map.of("name", "Épicerie salée " + tag))
                .post("/api/v1/categories").then().statusCode(201);
    }

    private Response upload(byte[] file) {
        return api(admin()).contentType("text/csv").queryParam("fileName", "tarifs.csv").body(file)
                .post("/api/v1/suppliers/" + supplier + "/price-list-imports");
    }

    /** Waits for the background import to finish and returns its final state. */
    private Response finished(Response started) {
        String location = started.then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> !"RUNNING".equals(api(admin()).get(location).path("status")));
        return api(admin()).get(location);
    }

    @Test
    void aPriceListCreatesProductsAndReportsRejectedLinesByNumber() {
        String csv = "Référence fournisseur;Désignation;Prix TTC;Catégorie;Unité;Pas de commande;TVA;Labels\n"
                + "PAT-" + tag + ";Pâtes fraîches " + tag + ";4,20 €;Epicerie salee " + tag + ";kg;0,5;5,5;bio\n"
                + "RIZ-" + tag + ";Riz rond " + tag + ";abc;Épicerie salée " + tag + ";kg;1;5,5;\n"
                + "\n"
                + "HUI-" + tag + ";\"Huile d'olive; vierge\" " + tag + ";12.90;Épicerie salée " + tag + ";litre;1;5.5;\n"
                + "SEL-" + tag + ";Sel " + tag + ";1,10;Rayon inconnu;pièce;1;5,5;\n";
        Response done = finished(upload(csv.getBytes(StandardCharsets.UTF_8)));

        done.then().body("status", equalTo("DONE")).body("totalLines", equalTo(4)).body("processedLines", equalTo(4))
                .body("created", equalTo(2)).body("rejected", equalTo(2))
                .body("rejections.line", equalTo(List.of(3, 6)))
                .body("rejections[0].reason", equalTo("prix illisible : « abc »"))
                .body("fileName", equalTo("tarifs.csv"));
        api().queryParam("q", "pates fraiches " + tag).get("/api/v1/products").then()
                .body("items[0].priceCents", equalTo(420)).body("items[0].orderStep", equalTo(0.5f))
                .body("items[0].labels", equalTo(List.of("ORGANIC"))).body("items[0].unit", equalTo("KG"));
        api().queryParam("q", "huile " + tag).get("/api/v1/products").then()
                .body("items[0].priceCents", equalTo(1290)).body("items[0].unit", equalTo("LITRE"));
    }

    @Test
    void aLatin1FileIsReadAndAReimportUpdatesByReference() {
        String csv = "Référence,Nom,Prix,Catégorie\nFAR-" + tag + ",Farine de blé " + tag + ",\"2,40\",Épicerie salée " + tag + "\n";
        finished(upload(csv.getBytes(Charset.forName("windows-1252")))).then().body("created", equalTo(1));
        api().queryParam("q", "farine " + tag).get("/api/v1/products").then()
                .body("items[0].name", equalTo("Farine de blé " + tag)).body("items[0].priceCents", equalTo(240));

        String update = "Référence;Prix\nFAR-" + tag + ";2,55\n";
        finished(upload(update.getBytes(StandardCharsets.UTF_8))).then()
                .body("created", equalTo(0)).body("updated", equalTo(1));
        api().queryParam("q", "farine " + tag).get("/api/v1/products").then()
                .body("items", org.hamcrest.Matchers.hasSize(1)).body("items[0].priceCents", equalTo(255));
    }

    @Test
    void aFileThatIsNotAPriceListIsRefusedAndNothingIsApplied() {
        long before = PriceListImport.count();
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R' };
        upload(png).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        upload("nom;description\nMiel;Bon\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("introuvable"));
        assertThat(PriceListImport.count()).isEqualTo(before);
    }

    @Test
    void tenThousandLinesImportInTheBackgroundWithProgress() {
        StringBuilder csv = new StringBuilder("Référence;Nom;Prix TTC;Catégorie\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("BIG-").append(tag).append('-').append(i).append(";Produit ").append(i).append(' ').append(tag)
                    .append(";").append(1 + i % 50).append(",99;Épicerie salée ").append(tag).append('\n');
        }
        Response started = upload(csv.toString().getBytes(StandardCharsets.UTF_8));
        started.then().statusCode(202).body("totalLines", equalTo(10_000)).body("status", equalTo("RUNNING"));

        finished(started).then().body("status", equalTo("DONE")).body("processedLines", equalTo(10_000))
                .body("created", equalTo(10_000)).body("rejected", equalTo(0));
        api().queryParam("supplierId", supplier).queryParam("limit", 200).get("/api/v1/products").then()
                .body("items", org.hamcrest.Matchers.hasSize(200));
    }

    @jakarta.inject.Inject
    PriceListImporter importer;

    private void sql(String statement, Object... parameters) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection(); var s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.execute();
        }
    }

    private Object column(String column, UUID importId) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection();
                var s = c.prepareStatement("select " + column + " from price_list_import where id = ?")) {
            s.setObject(1, importId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }

    /** An import as another instance left it in the database: its file, its lease, how far it went. */
    private UUID runningImport(String csv, int lines, int processed, UUID owner, String leaseFromNow)
            throws java.sql.SQLException {
        UUID id = UUID.randomUUID();
        sql("insert into price_list_import (id, supplier_id, status, total_lines, processed_lines, created_count,"
                + " started_at, claimed_by, lease_until, content)"
                + " values (?, ?::uuid, 'RUNNING', ?, ?, ?, now(), ?, now() + ?::interval, ?)",
                id, supplier, lines, processed, processed, owner, leaseFromNow, csv.getBytes(StandardCharsets.UTF_8));
        return id;
    }

    @Test
    void anImportLeasedByAnotherLiveInstanceIsLeftToIt() throws Exception {
        UUID other = UUID.randomUUID();
        UUID id = runningImport("Référence;Nom;Prix;Catégorie\nAUT-" + tag + ";Autre " + tag + ";1,00;Épicerie salée " + tag
                + "\n", 1, 0, other, "10 minutes");
        await().atMost(Duration.ofMinutes(1)).until(importer::idle);

        importer.onStart(null);
        importer.resumeAbandoned();

        assertThat(column("claimed_by", id)).isEqualTo(other);
        api(admin()).get("/api/v1/price-list-imports/" + id).then().body("status", equalTo("RUNNING"))
                .body("processedLines", equalTo(0)).body("finishedAt", org.hamcrest.Matchers.nullValue());
        api().queryParam("q", "autre " + tag).get("/api/v1/products").then().body("items", org.hamcrest.Matchers.empty());
        sql("delete from price_list_import where id = ?", id);
    }

    @Test
    void aRunningImportWithoutLeaseOrFileIsRefusedByPostgres() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql("insert into price_list_import"
                + " (id, supplier_id, status, total_lines, started_at) values (?, ?::uuid, 'RUNNING', 1, now())",
                UUID.randomUUID(), supplier)).hasMessageContaining("price_list_import_running_is_leased");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql("insert into price_list_import"
                + " (id, supplier_id, status, total_lines, started_at, finished_at, content)"
                + " values (?, ?::uuid, 'DONE', 1, now(), now(), '\\x00')",
                UUID.randomUUID(), supplier)).hasMessageContaining("price_list_import_finished_is_released");
    }

    @Test
    void anImportWhoseLeaseRanOutIsFinishedHereFromWhereItStood() throws Exception {
        String csv = "Référence;Nom;Prix;Catégorie\n"
                + "UN-" + tag + ";Premier " + tag + ";1,00;Épicerie salée " + tag + "\n"
                + "DEUX-" + tag + ";Deuxième " + tag + ";2,00;Épicerie salée " + tag + "\n"
                + "TROIS-" + tag + ";Troisième " + tag + ";3,00;Épicerie salée " + tag + "\n";
        // The instance that died had applied the first line (here, only counted it).
        UUID id = runningImport(csv, 3, 1, UUID.randomUUID(), "-1 minute");
        String location = "/api/v1/price-list-imports/" + id;

        // While another instance is taking it up (and holds its row), this one leaves it.
        try (java.sql.Connection another = dataSource.getConnection()) {
            another.setAutoCommit(false);
            try (var lock = another.prepareStatement("select 1 from price_list_import where id = ? for update")) {
                lock.setObject(1, id);
                lock.execute();
            }
            await().atMost(Duration.ofMinutes(1)).until(importer::idle);
            importer.resumeAbandoned();
            api(admin()).get(location).then().body("status", equalTo("RUNNING")).body("processedLines", equalTo(1));
            another.rollback();
        }

        importer.resumeAbandoned();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> !"RUNNING".equals(api(admin()).get(location).path("status")));
        api(admin()).get(location).then().body("status", equalTo("DONE")).body("processedLines", equalTo(3))
                .body("created", equalTo(3)).body("rejected", equalTo(0))
                .body("finishedAt", org.hamcrest.Matchers.notNullValue());
        product("deuxieme " + tag).then().body("items[0].priceCents", equalTo(200));
        product("troisieme " + tag).then().body("items[0].priceCents", equalTo(300));
        api().queryParam("q", "premier " + tag).get("/api/v1/products").then().body("items", org.hamcrest.Matchers.empty());
        assertThat(column("claimed_by", id)).isEqualTo(importer.instance());
        assertThat(column("content", id)).isNull();
    }

    /** The one product a search finds, as any reader of the catalogue sees it. */
    private static Response product(String search) {
        return api().queryParam("q", search).get("/api/v1/products").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1)).extract().response();
    }

    @Test
    void aRejectedLineLeavesTheExistingProductAsItWas() {
        String header = "Référence;Nom;Prix;Catégorie;Unité;Labels\n";
        finished(upload((header + "MIE-" + tag + ";Miel " + tag + ";8,50;Épicerie salée " + tag + ";pièce;bio,local\n")
                .getBytes(StandardCharsets.UTF_8))).then().body("created", equalTo(1));

        String wrong = header
                + "MIE-" + tag + ";Miel de sapin " + tag + ";9,90;Rayon inconnu;pièce;\n"
                + "MIE-" + tag + ";Miel de fleurs " + tag + ";9,95;Épicerie salée " + tag + ";pot;saison\n";
        finished(upload(wrong.getBytes(StandardCharsets.UTF_8))).then().body("status", equalTo("DONE"))
                .body("updated", equalTo(0)).body("rejected", equalTo(2))
                .body("rejections.reason", equalTo(List.of("catégorie inconnue : « Rayon inconnu »", "unité inconnue : « pot »")));
        product("miel " + tag).then().body("items[0].name", equalTo("Miel " + tag))
                .body("items[0].priceCents", equalTo(850))
                .body("items[0].labels", org.hamcrest.Matchers.containsInAnyOrder("ORGANIC", "LOCAL"));
    }

    @Test
    void aPriceTooLargeOrANameTooLongIsARejectedLineNotAFailedImport() {
        String header = "Référence;Nom;Prix;Catégorie\n";
        finished(upload((header + "CAF-" + tag + ";Café " + tag + ";12,00;Épicerie salée " + tag + "\n")
                .getBytes(StandardCharsets.UTF_8))).then().body("created", equalTo(1));

        String file = header
                + "CAF-" + tag + ";Café " + tag + ";99999999999999999999,99;\n"
                + "CAF-" + tag + ";Café " + tag + ";100000,01;\n"
                + "CAF-" + tag + ";" + "Café très long ".repeat(9) + tag + ";13,00;\n"
                + "THE-" + tag + ";Thé " + tag + ";6,00;Épicerie salée " + tag + "\n";
        finished(upload(file.getBytes(StandardCharsets.UTF_8))).then().body("status", equalTo("DONE"))
                .body("processedLines", equalTo(4)).body("created", equalTo(1)).body("rejected", equalTo(3))
                .body("rejections.line", equalTo(List.of(2, 3, 4)))
                .body("rejections[0].reason", equalTo("prix trop élevé : « 99999999999999999999,99 » (100 000 € au plus)"))
                .body("rejections[1].reason", equalTo("prix trop élevé : « 100000,01 » (100 000 € au plus)"))
                .body("rejections[2].reason", equalTo("nom trop long (120 caractères au plus)"));
        product("cafe " + tag).then().body("items[0].name", equalTo("Café " + tag)).body("items[0].priceCents", equalTo(1200));
        product("the " + tag).then().body("items[0].priceCents", equalTo(600));
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @Test
    void aReferentEditingAProductDuringTheImportDoesNotFailIt() throws Exception {
        String header = "Référence;Nom;Prix;Catégorie\n";
        finished(upload((header + "LEN-" + tag + ";Lentilles " + tag + ";3,20;Épicerie salée " + tag + "\n")
                .getBytes(StandardCharsets.UTF_8))).then().body("created", equalTo(1));
        String lentils = product("lentilles " + tag).path("items[0].id");

        // The référent's change is written but not yet committed when the import writes the same
        // product: the import's update waits for it, then finds the version it read outdated.
        try (java.sql.Connection referent = dataSource.getConnection()) {
            referent.setAutoCommit(false);
            try (var edit = referent.prepareStatement(
                    "update product set name = ?, version = version + 1 where id = ?::uuid")) {
                edit.setString(1, "Lentilles vertes " + tag);
                edit.setString(2, lentils);
                edit.executeUpdate();
            }
            Response started = upload((header + "LEN-" + tag + ";;3,40;\n" + "POI-" + tag + ";Pois chiches " + tag
                    + ";2,90;Épicerie salée " + tag + "\n").getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofMinutes(1)).until(() -> importWaitsForALock());
            referent.commit();
            finished(started).then().body("status", equalTo("DONE")).body("updated", equalTo(1))
                    .body("created", equalTo(1)).body("rejected", equalTo(0));
        }
        product("lentilles " + tag).then().body("items[0].name", equalTo("Lentilles vertes " + tag))
                .body("items[0].priceCents", equalTo(340));
    }

    private boolean importWaitsForALock() throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and query ilike 'update product%'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    @Test
    void anUnknownSupplierIs404() {
        api(admin()).contentType("text/csv").body("Référence;Prix\nX;1\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/suppliers/" + UUID.randomUUID() + "/price-list-imports").then().statusCode(404);
    }
}
