package coop.panier.drive;

import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.member;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import coop.panier.testsupport.ContractFilter;
import coop.panier.testsupport.Tokens.TestPerson;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Members with a paid membership, products in stock and slots, made through the API. */
public final class DriveFixtures {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static String supplier;
    private static String category;

    private DriveFixtures() {
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().filter(ContractFilter.INSTANCE).auth().oauth2(token);
    }

    /** A member token whose household's membership is paid: they may order. */
    public static String activeMember(String firstName) {
        return activeMember(TestPerson.random(firstName, "Drive"));
    }

    public static String activeMember(TestPerson person) {
        String token = member(person);
        var joined = joined(token);
        int due = joined.path("leftToPayCents");
        as(admin()).contentType(ContentType.JSON)
                .body(Map.of("amountCents", due, "method", "CASH", "paidOn", java.time.LocalDate.now(ZONE).toString()))
                .post("/api/v1/memberships/" + joined.path("id") + "/payments").then().statusCode(201);
        return token;
    }

    /** The member joins alone in a household of one, and owes the fee. */
    public static io.restassured.response.ExtractableResponse<io.restassured.response.Response> joined(String token) {
        return as(token).contentType(ContentType.JSON)
                .body(Map.of("monthlyIncomeCents", 150_000, "household", Map.of("adults", 1, "children", 0),
                        "solidarityCents", 0))
                .post("/api/v1/me/membership").then().statusCode(201).extract();
    }

    /** Each crash drill has a database of its own: the supplier and shelf made for the last one are not in it. */
    public static synchronized void forgetCatalogue() {
        supplier = null;
        category = null;
    }

    public static synchronized String product(String name, long priceCents, double orderStep, double stock) {
        if (supplier == null) {
            String tag = UUID.randomUUID().toString().substring(0, 6);
            supplier = as(admin()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Ferme " + tag, "kind", "PRODUCER")).post("/api/v1/suppliers")
                    .then().statusCode(201).extract().path("id");
            category = as(admin()).contentType(ContentType.JSON).body(Map.of("name", "Drive " + tag))
                    .post("/api/v1/categories").then().statusCode(201).extract().path("id");
        }
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("categoryId", category);
        p.put("supplierId", supplier);
        p.put("unit", orderStep == 1 ? "PIECE" : "KG");
        p.put("orderStep", orderStep);
        p.put("priceCents", priceCents);
        p.put("vatRate", "5.5");
        p.put("labels", List.of());
        p.put("active", true);
        p.put("availableOnDrive", true);
        String id = as(admin()).contentType(ContentType.JSON).body(p).post("/api/v1/products").then().statusCode(201)
                .extract().path("id");
        if (stock > 0) {
            as(admin()).contentType(ContentType.JSON).body(Map.of("kind", "RECEPTION", "quantity", stock))
                    .post("/api/v1/products/" + id + "/stock-movements").then().statusCode(201);
        }
        return id;
    }

    /** A 30-minute slot starting in `days` days at 17:00, orders closing 48 hours before. */
    public static String slot(int capacity, int days) {
        OffsetDateTime start = OffsetDateTime.now(ZONE).plusDays(days).truncatedTo(ChronoUnit.DAYS).withHour(17);
        return as(admin()).contentType(ContentType.JSON)
                .body(Map.of("place", "Local de la coop", "startsAt", iso(start),
                        "endsAt", iso(start.plusMinutes(30)), "capacity", capacity))
                .post("/api/v1/pickup-slots").then().statusCode(201).extract().path("id");
    }

    static String iso(OffsetDateTime time) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(time);
    }

    /** Places an order of one product for the member, and gives its id. */
    public static String placed(String member, String slotId, String productId, double quantity) {
        return as(member).contentType(ContentType.JSON).body(order(slotId, productId, quantity)).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> order(String slotId, Object... productAndQuantity) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            lines.add(Map.of("productId", productAndQuantity[i], "quantity", productAndQuantity[i + 1]));
        }
        return Map.of("slotId", slotId, "lines", lines);
    }

    static double stock(String productId) {
        Number stock = RestAssured.given().get("/api/v1/products/" + productId).then().statusCode(200).extract()
                .path("stockOnHand");
        return stock.doubleValue();
    }

    /** On hand, reserved and available, as the product's answer gives them. */
    static List<Double> shelf(String productId) {
        var read = RestAssured.given().get("/api/v1/products/" + productId).then().statusCode(200).extract();
        return List.of(read.<Number>path("onHand").doubleValue(), read.<Number>path("reserved").doubleValue(),
                read.<Number>path("available").doubleValue());
    }

    static int booked(String slotId) {
        return as(admin()).get("/api/v1/pickup-slots/" + slotId).then().statusCode(200).extract().path("booked");
    }
}
