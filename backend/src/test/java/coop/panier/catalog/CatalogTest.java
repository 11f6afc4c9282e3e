package coop.panier.catalog;

import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.QueryPlans;
import coop.panier.testsupport.RecordedStatements;
import coop.panier.testsupport.Tokens;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class CatalogTest extends ApiTest {

    @Inject
    DataSource dataSource;

    @Test
    void theCatalogueSearchIsServedByATrigramIndexOnItsVeryExpression() throws Exception {
        assertThat(QueryPlans.definition(dataSource, "product_search_trigram")).contains("USING gin (search_text((((("
                + "name || ' '::text) || COALESCE(description, ''::text)) || ' '::text) || COALESCE(origin, ''::text)))"
                + " gin_trgm_ops)");
        RecordedStatements.clear();
        api().queryParam("q", "pâtes").get("/api/v1/products").then().statusCode(200);
        String search = RecordedStatements.containing("search_text").get(0);
        assertThat(QueryPlans.planOfSearch(dataSource, search, "pâtes")).contains("product_search_trigram");
    }

    private String tag;
    private String supplier;
    private String grocery;
    private String pasta;

    private static String post(String path, Map<String, Object> body) {
        return api(admin()).contentType(ContentType.JSON).body(body).post(path).then().statusCode(201).extract().path("id");
    }

    @BeforeEach
    void aSmallCatalogue() {
        tag = UUID.randomUUID().toString().substring(0, 6);
        supplier = post("/api/v1/suppliers", Map.of("name", "Moulin " + tag, "kind", "PRODUCER",
                "locality", "Orléans", "distanceKm", 25));
        grocery = post("/api/v1/categories", Map.of("name", "Épicerie " + tag));
        Map<String, Object> sub = new HashMap<>();
        sub.put("name", "Pâtes " + tag);
        sub.put("parentId", grocery);
        pasta = post("/api/v1/categories", sub);
    }

    private Map<String, Object> product(String name, String category, List<String> labels) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("description", "Réf. " + tag);
        p.put("categoryId", category);
        p.put("supplierId", supplier);
        p.put("unit", "KG");
        p.put("orderStep", 0.5);
        p.put("priceCents", 420);
        p.put("vatRate", "5.5");
        p.put("labels", labels);
        p.put("active", true);
        p.put("availableOnDrive", true);
        return p;
    }

    private Response create(Map<String, Object> product) {
        return api(admin()).contentType(ContentType.JSON).body(product).post("/api/v1/products");
    }

    private List<String> names(String... query) {
        var request = api();
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam(query[i], query[i + 1]);
        }
        return request.queryParam("q", tag).get("/api/v1/products").then().statusCode(200).extract().path("items.name");
    }

    @Test
    void theCatalogueIsPublicAndSearchIgnoresAccents() {
        create(product("Pâtes complètes", pasta, List.of("ORGANIC"))).then().statusCode(201)
                .body("stockOnHand", equalTo(0)).body("orderStep", equalTo(0.5f)).body("currency", equalTo("EUR"));
        create(product("Pates blanches", pasta, List.of())).then().statusCode(201);
        create(product("Riz", grocery, List.of())).then().statusCode(201);

        assertThat(api().queryParam("q", "pâte " + tag).get("/api/v1/products").then().statusCode(200)
                .extract().<List<String>>path("items.name")).containsExactly("Pates blanches", "Pâtes complètes");
        assertThat(api().queryParam("q", "COMPLETES " + tag).get("/api/v1/products").then()
                .extract().<List<String>>path("items.name")).containsExactly("Pâtes complètes");
    }

    @Test
    void filtersByCategoryIncludingSubCategoriesSupplierLabelsAndStock() {
        create(product("Pâtes bio locales", pasta, List.of("ORGANIC", "LOCAL"))).then().statusCode(201);
        create(product("Pâtes bio", pasta, List.of("ORGANIC"))).then().statusCode(201);
        create(product("Farine", grocery, List.of("LOCAL"))).then().statusCode(201);

        assertThat(names("categoryId", grocery)).containsExactly("Farine", "Pâtes bio", "Pâtes bio locales");
        assertThat(names("categoryId", pasta)).containsExactly("Pâtes bio", "Pâtes bio locales");
        assertThat(names("supplierId", supplier)).hasSize(3);
        assertThat(api().queryParam("q", tag).queryParam("label", "ORGANIC", "LOCAL").get("/api/v1/products")
                .then().extract().<List<String>>path("items.name")).containsExactly("Pâtes bio locales");
        assertThat(names("inStock", "true")).isEmpty();
    }

    @Test
    void pagesNeitherRepeatNorSkipProductsWithTheSameName() {
        for (int i = 0; i < 5; i++) {
            create(product("Lentilles", grocery, List.of())).then().statusCode(201);
        }
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = api().queryParam("q", tag).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/products");
            ids.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void aDeactivatedProductIsHiddenFromThePublicButNotFromAdmins() {
        Response created = create(product("Ancien miel", grocery, List.of()));
        Map<String, Object> off = product("Ancien miel", grocery, List.of());
        off.put("active", false);
        api(admin()).contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body(off)
                .put("/api/v1/products/" + created.path("id")).then().statusCode(200).body("active", equalTo(false));

        assertThat(names()).doesNotContain("Ancien miel");
        api().get("/api/v1/products/" + created.path("id")).then().statusCode(404);
        api(admin()).queryParam("q", tag).queryParam("includeInactive", true).get("/api/v1/products").then()
                .body("items.name", hasItem("Ancien miel"));
        api(member(TestPerson.random("Curieux", "Membre"))).queryParam("q", tag).queryParam("includeInactive", true)
                .get("/api/v1/products").then().body("items.name", not(hasItem("Ancien miel")));
    }

    @Test
    void aReferentChangesPriceAndAvailabilityOfTheirProductsOnly() {
        TestPerson remi = TestPerson.random("Rémi", "Référent");
        String remiToken = Tokens.person(remi, Set.of("member", "referent"));
        String remiId = api(remiToken).get("/api/v1/me").path("id");
        Map<String, Object> honey = product("Miel " + tag, grocery, List.of("LOCAL"));
        honey.put("referentId", remiId);
        Response his = create(honey);
        Response other = create(product("Confiture " + tag, grocery, List.of()));
        assertThat(names("referentId", remiId)).containsExactly("Miel " + tag);

        Map<String, Object> cheaper = new HashMap<>(honey);
        cheaper.put("priceCents", 790);
        cheaper.put("availableOnDrive", false);
        Response updated = api(remiToken).contentType(ContentType.JSON).header("If-Match", his.header("ETag"))
                .body(cheaper).put("/api/v1/products/" + his.path("id"));
        updated.then().statusCode(200).body("priceCents", equalTo(790)).body("availableOnDrive", equalTo(false));

        Map<String, Object> renamed = new HashMap<>(cheaper);
        renamed.put("name", "Miel de lavande");
        api(remiToken).contentType(ContentType.JSON).header("If-Match", updated.header("ETag")).body(renamed)
                .put("/api/v1/products/" + his.path("id"))
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        api(remiToken).contentType(ContentType.JSON).header("If-Match", other.header("ETag"))
                .body(product("Confiture " + tag, grocery, List.of())).put("/api/v1/products/" + other.path("id"))
                .then().statusCode(403);
        api(member(TestPerson.random("Simple", "Membre"))).contentType(ContentType.JSON)
                .header("If-Match", other.header("ETag")).body(product("Confiture " + tag, grocery, List.of()))
                .put("/api/v1/products/" + other.path("id")).then().statusCode(403);
    }

    @Test
    void staleWritesAreRefused() {
        Response created = create(product("Huile " + tag, grocery, List.of()));
        Map<String, Object> changed = product("Huile d'olive " + tag, grocery, List.of());
        api(admin()).contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body(changed)
                .put("/api/v1/products/" + created.path("id")).then().statusCode(200);
        api(admin()).contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body(changed)
                .put("/api/v1/products/" + created.path("id")).then().statusCode(412);
    }

    @Test
    void badReferencesAndAThirdCategoryLevelAreRefused() {
        create(product("Sel", UUID.randomUUID().toString(), List.of())).then().statusCode(400)
                .body("errors[0].field", equalTo("categoryId"));
        Map<String, Object> third = new HashMap<>();
        third.put("name", "Spaghetti");
        third.put("parentId", pasta);
        api(admin()).contentType(ContentType.JSON).body(third).post("/api/v1/categories")
                .then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        api(admin()).contentType(ContentType.JSON).body(Map.of("name", "EPICERIE " + tag)).post("/api/v1/categories")
                .then().statusCode(409);
    }
}
