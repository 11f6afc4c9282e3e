package coop.panier.stock;

import static coop.panier.testsupport.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.testsupport.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class StockReportsTest extends ApiTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Paris")).toString();

    private String tag;
    private String supplier;
    private String category;

    @BeforeEach
    void aShelf() {
        tag = UUID.randomUUID().toString().substring(0, 6);
        supplier = api(admin()).contentType(ContentType.JSON).body(Map.of("name", "Maraîcher " + tag, "kind", "PRODUCER"))
                .post("/api/v1/suppliers").then().statusCode(201).extract().path("id");
        category = api(admin()).contentType(ContentType.JSON).body(Map.of("name", "Légumes " + tag))
                .post("/api/v1/categories").then().statusCode(201).extract().path("id");
    }

    private String product(String name, long priceCents, Integer threshold) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name + " " + tag);
        p.put("categoryId", category);
        p.put("supplierId", supplier);
        p.put("unit", "KG");
        p.put("orderStep", 0.5);
        p.put("priceCents", priceCents);
        p.put("vatRate", "5.5");
        p.put("labels", List.of());
        p.put("active", true);
        p.put("availableOnDrive", true);
        p.put("lowStockThreshold", threshold);
        return api(admin()).contentType(ContentType.JSON).body(p).post("/api/v1/products").then().statusCode(201)
                .extract().path("id");
    }

    private static void move(String product, Map<String, Object> movement) {
        api(admin()).contentType(ContentType.JSON).body(movement)
                .post("/api/v1/products/" + product + "/stock-movements").then().statusCode(201);
    }

    @Test
    void lossesAreValuedAtTheLastPurchaseCostAndGrouped() {
        String leeks = product("Poireaux", 300, null);
        move(leeks, Map.of("kind", "RECEPTION", "quantity", 10, "unitCostCents", 100));
        move(leeks, Map.of("kind", "LOSS", "quantity", 2, "lossReason", "DAMAGED"));
        move(leeks, Map.of("kind", "RECEPTION", "quantity", 5, "unitCostCents", 150));
        move(leeks, Map.of("kind", "LOSS", "quantity", 1, "lossReason", "EXPIRED"));
        String salad = product("Salade", 180, null);
        move(salad, Map.of("kind", "RECEPTION", "quantity", 4));
        move(salad, Map.of("kind", "LOSS", "quantity", 1.5, "lossReason", "UNSOLD"));

        List<Map<String, Object>> byProduct = api(admin()).queryParam("from", TODAY).queryParam("to", TODAY)
                .get("/api/v1/stock/losses").then().statusCode(200).extract().path("rows");
        assertThat(byProduct).filteredOn(r -> r.get("id").equals(leeks)).singleElement()
                .satisfies(r -> {
                    assertThat(((Number) r.get("quantity")).floatValue()).isEqualTo(3f);
                    assertThat(((Number) r.get("valueCents")).longValue()).isEqualTo(350);
                });
        assertThat(byProduct).filteredOn(r -> r.get("id").equals(salad)).singleElement()
                .satisfies(r -> assertThat(((Number) r.get("valueCents")).longValue()).isEqualTo(270));

        List<Map<String, Object>> bySupplier = api(admin()).queryParam("from", TODAY).queryParam("to", TODAY)
                .queryParam("groupBy", "SUPPLIER").get("/api/v1/stock/losses").then().statusCode(200).extract().path("rows");
        assertThat(bySupplier).filteredOn(r -> r.get("id").equals(supplier)).singleElement()
                .satisfies(r -> assertThat(((Number) r.get("valueCents")).longValue()).isEqualTo(620));

        String csv = new String(api(admin()).accept("text/csv").queryParam("from", TODAY).queryParam("to", TODAY)
                .queryParam("groupBy", "CATEGORY").get("/api/v1/stock/losses").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFLibellé;Quantité;Valeur (€)\r\n").contains("Légumes " + tag + ";4,5;6,20\r\n")
                .contains("\r\nTotal;;");
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        api(admin()).queryParam("from", TODAY).queryParam("to", "2000-01-01").get("/api/v1/stock/losses")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("to"));
    }

    @Test
    void productsUnderTheirThresholdAreListed() {
        String low = product("Oignons", 200, 5);
        move(low, Map.of("kind", "RECEPTION", "quantity", 2));
        String fine = product("Ail", 900, 5);
        move(fine, Map.of("kind", "RECEPTION", "quantity", 10));

        api(admin()).get("/api/v1/stock/low").then().statusCode(200)
                .body("items.id", hasItem(low)).body("items.id", not(hasItem(fine)));
    }

    @Test
    void theCatalogueExportsAsCsvWithFrenchNumbers() {
        String honey = product("Miel export", 890, null);
        move(honey, Map.of("kind", "RECEPTION", "quantity", 3));
        String csv = new String(api(admin()).get("/api/v1/products/export").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFFournisseur;Référence fournisseur;Nom;Description;Catégorie;Unité;"
                + "Pas de commande;Prix TTC;TVA;Labels;Origine;Actif;Drive;Stock\r\n");
        assertThat(csv).contains("Maraîcher " + tag + ";;Miel export " + tag + ";;Légumes " + tag + ";KG;0,5;8,90;5,5;;;oui;oui;3\r\n");
    }
}
