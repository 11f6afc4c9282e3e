package coop.panier.durability;

import static coop.panier.testsupport.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import coop.panier.drive.DriveFixtures;
import coop.panier.testsupport.EmbeddedDatabase;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The stage of a crash drill: an embedded PostgreSQL on a data directory of its own, the test
 * OIDC server, and the packaged backend (quarkus-run.jar) as a process of its own, so that
 * either can be killed with SIGKILL and started again on the same data.
 */
final class CrashDrill implements AutoCloseable {

    static final int MEMBERS = 50;
    static final int SLOTS = 6;
    static final int PRODUCTS = 3;
    static final BigDecimal RECEIVED = new BigDecimal(10_000);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Path root;
    private final int pgPort;
    private final int backendPort;
    private final OidcWiremockTestResource oidc = new OidcWiremockTestResource();
    private final Path backendLog;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String oidcUrl;
    private EmbeddedDatabase db;
    private Process backend;

    private final List<String> members = new ArrayList<>();
    private final List<String> products = new ArrayList<>();
    private final List<String> slots = new ArrayList<>();

    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger failedRequests = new AtomicInteger();

    private CrashDrill(String name) throws IOException {
        this.name = name;
        this.root = Files.createTempDirectory("panier-crash-drill");
        this.pgPort = EmbeddedDatabaseTest.freePort();
        this.backendPort = EmbeddedDatabaseTest.freePort();
        Path logs = Path.of(System.getProperty("crash-drill.logs", "target/crash-drills"));
        Files.createDirectories(logs);
        this.backendLog = logs.resolve(name + "-backend.log").toAbsolutePath();
        Files.deleteIfExists(backendLog);
    }

    /** The database, the OIDC server and the backend, with members, products in stock and slots. */
    static CrashDrill start(String name) throws Exception {
        CrashDrill drill = new CrashDrill(name);
        try {
            drill.db = EmbeddedDatabase.start(drill.root.resolve("data"), drill.pgPort, false);
            drill.oidcUrl = drill.oidc.start().get("keycloak.url");
            drill.startBackend();
            drill.stock();
        } catch (Exception | Error e) {
            drill.close();
            throw e;
        }
        return drill;
    }

    private void stock() throws Exception {
        DriveFixtures.forgetCatalogue();
        RestAssured.baseURI = "http://localhost";
        RestAssured.port = backendPort;
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        RestAssured.given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("validFrom", today.minusDays(1).toString(), "validTo", today.plusYears(1).toString(),
                        "brackets", List.of(Map.of("code", "A", "label", "Tous les foyers", "feeCents", 1_000))))
                .post("/api/v1/membership-scales").then().statusCode(201);
        for (int i = 0; i < PRODUCTS; i++) {
            products.add(DriveFixtures.product("Produit de l'exercice " + i, 250 + i * 100, 1, RECEIVED.doubleValue()));
        }
        for (int i = 0; i < SLOTS; i++) {
            slots.add(DriveFixtures.slot(1000, 5 + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> made = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                int n = i;
                made.add(pool.submit(() -> DriveFixtures.activeMember("Exercice" + n)));
            }
            for (Future<String> f : made) {
                members.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    void startBackend() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", System.getProperty("backend.jar", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(backendLog.toFile()));
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(backendPort));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", oidcUrl + "/realms/quarkus/");
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", "https://server.example.com");
        env.put("PANIER_DEMO_DATA", "false");
        backend = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!backend.isAlive()) {
                throw new IllegalStateException("The backend stopped at start; see " + backendLog);
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The backend did not become ready; see " + backendLog);
    }

    /** SIGKILL of the backend: nothing it has not committed survives, nothing it has acknowledged may be lost. */
    void killBackend() throws InterruptedException {
        backend.destroyForcibly();
        backend.waitFor();
    }

    void killPostgres() throws Exception {
        db.kill();
    }

    void startPostgres() throws Exception {
        db = EmbeddedDatabase.start(root.resolve("data"), pgPort, false);
    }

    int acknowledged() {
        return acknowledged.get();
    }

    /**
     * Every member orders for every slot, many at once; a member whose request fails (no answer,
     * or a 5xx) tries again with the same Idempotency-Key, as the SPA does. `crash` runs once a
     * third of the orders are acknowledged, while others are in flight.
     */
    Result orderThrough(Crash crash) throws Exception {
        int total = MEMBERS * SLOTS;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        try {
            for (int s = 0; s < SLOTS; s++) {
                for (int m = 0; m < MEMBERS; m++) {
                    int member = m;
                    int slot = s;
                    outcomes.add(pool.submit(() -> place(member, slot)));
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (acknowledged.get() < total / 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            int before = acknowledged.get();
            long crashedAt = System.nanoTime();
            crash.run();
            Duration outage = Duration.ofNanos(System.nanoTime() - crashedAt);
            List<Outcome> done = new ArrayList<>();
            for (Future<Outcome> f : outcomes) {
                done.add(f.get());
            }
            return new Result(done, before, outage, failedRequests.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome place(int member, int slot) throws InterruptedException {
        String product = products.get((member + slot) % PRODUCTS);
        String other = products.get((member + slot + 1) % PRODUCTS);
        int quantity = 1 + member % 3;
        String body = "{\"slotId\":\"" + slots.get(slot) + "\",\"lines\":[{\"productId\":\"" + product
                + "\",\"quantity\":" + quantity + "},{\"productId\":\"" + other + "\",\"quantity\":2}]}";
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/orders")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + members.get(member)).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        int lastStatus = 0;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                lastStatus = response.statusCode();
                if (lastStatus == 201) {
                    acknowledged.incrementAndGet();
                    return new Outcome(member, lastStatus, JSON.readTree(response.body()).get("id").asText());
                }
                if (lastStatus < 500) {
                    return new Outcome(member, lastStatus, null);
                }
            } catch (IOException noAnswer) {
                lastStatus = -1;
            }
            failedRequests.incrementAndGet();
            Thread.sleep(200);
        }
        return new Outcome(member, lastStatus, null);
    }

    /** Every acknowledged order is in the database, as PLACED, and its member sees it. */
    void assertEveryAcknowledgedOrderIsThere(String title, Result result) throws SQLException {
        List<String> ids = result.acknowledgedIds();
        try (Connection c = db.connect();
                PreparedStatement q = c.prepareStatement(
                        "select count(*) from customer_order where id = any(?::uuid[]) and status = 'PLACED'")) {
            Array array = c.createArrayOf("text", ids.toArray());
            q.setArray(1, array);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                result.found = rs.getInt(1);
            }
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from customer_order")) {
                rs.next();
                result.inDatabase = rs.getInt(1);
            }
        }
        print(title, result);
        assertThat(result.found).as("acknowledged orders found after the crash").isEqualTo(ids.size());
        // Members retry until the service is back: then each of them has its order, and only one,
        // even when a request was committed but its answer lost.
        assertThat(ids).as("orders acknowledged once the service is back").hasSize(MEMBERS * SLOTS);
        assertThat(result.inDatabase).as("orders in the database").isEqualTo(ids.size());
        for (Outcome o : result.outcomes) {
            if (o.orderId() != null) {
                RestAssured.given().auth().oauth2(members.get(o.member())).get("/api/v1/orders/" + o.orderId())
                        .then().statusCode(200);
            }
        }
    }

    /** For each product, what the stock says plus what the orders took is what was received. */
    void assertStockAccountsForEveryOrder() throws SQLException {
        try (Connection c = db.connect()) {
            for (String product : products) {
                assertStockAccountsForOrders(c, product, RECEIVED);
            }
        }
    }

    /**
     * The stock arithmetic of the drills, in one place: what the drive may still sell
     * (on hand − reserved) plus what the live orders took equals what was received, and the
     * reservation is exactly what the orders not yet picked up hold.
     */
    static void assertStockAccountsForOrders(Connection c, String productId, BigDecimal received) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                select p.stock_on_hand - p.stock_reserved,
                       (select coalesce(sum(l.quantity), 0) from order_line l join customer_order o on o.id = l.order_id
                         where l.product_id = p.id and o.status not in ('CANCELLED', 'NO_SHOW')) as sold,
                       p.stock_reserved,
                       (select coalesce(sum(l.quantity), 0) from order_line l join customer_order o on o.id = l.order_id
                         where l.product_id = p.id and o.status in ('PLACED', 'PREPARED')) as held
                  from product p where p.id = ?::uuid""")) {
            q.setString(1, productId);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                BigDecimal available = rs.getBigDecimal(1);
                BigDecimal sold = rs.getBigDecimal(2);
                assertThat(available.add(sold)).as("available %s + sold %s of product %s", available, sold, productId)
                        .isEqualByComparingTo(received);
                assertThat(rs.getBigDecimal(3)).as("reserved of product %s", productId)
                        .isEqualByComparingTo(rs.getBigDecimal(4));
            }
        }
    }

    private void print(String title, Result result) {
        System.out.printf("%n=== Crash drill: %s ===%n", title);
        System.out.printf("orders sent: %d (%d members x %d slots, 16 at a time)%n", result.outcomes.size(), MEMBERS, SLOTS);
        System.out.printf("acknowledged (201) before the crash: %d%n", result.acknowledgedBeforeCrash);
        System.out.printf("crash and restart took %.1f s; requests that failed meanwhile (then retried with their key): %d%n",
                result.outage.toMillis() / 1000.0, result.failedRequests);
        System.out.printf("orders acknowledged (201): %d; found in the database after the restart: %d; orders in the database: %d%n",
                result.acknowledgedIds().size(), result.found, result.inDatabase);
        System.out.printf("other final answers: %s%n%n", result.outcomes.stream().filter(o -> o.orderId() == null)
                .map(o -> o.status()).toList());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + backendPort + path);
    }

    @Override
    public void close() throws Exception {
        if (backend != null) {
            backend.destroy();
            backend.waitFor();
        }
        if (db != null) {
            db.close();
        }
        oidc.stop();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @FunctionalInterface
    interface Crash {
        void run() throws Exception;
    }

    record Outcome(int member, int status, String orderId) {
    }

    static final class Result {
        final List<Outcome> outcomes;
        final int acknowledgedBeforeCrash;
        final Duration outage;
        final int failedRequests;
        int found;
        int inDatabase;

        Result(List<Outcome> outcomes, int acknowledgedBeforeCrash, Duration outage, int failedRequests) {
            this.outcomes = outcomes;
            this.acknowledgedBeforeCrash = acknowledgedBeforeCrash;
            this.outage = outage;
            this.failedRequests = failedRequests;
        }

        List<String> acknowledgedIds() {
            return outcomes.stream().map(Outcome::orderId).filter(id -> id != null).distinct().toList();
        }
    }
}
