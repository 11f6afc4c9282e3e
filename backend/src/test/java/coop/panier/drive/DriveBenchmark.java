package coop.panier.drive;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.drive.DriveFixtures.as;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.testsupport.Tokens.admin;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * `make bench`: N members place an order each, all at once, against one weekly slot series, and
 * the run prints orders per second and latency percentiles. It measures; it asserts nothing
 * about speed. BENCH_MEMBERS (default 400) and BENCH_CONCURRENCY (default 32) size the run.
 */
@QuarkusTest
class DriveBenchmark extends ApiTest {

    @Inject
    MembershipScaleRepository scales;

    @TestHTTPResource("/")
    URL base;

    @Inject
    coop.panier.integrations.WebhookDeliveries webhooks;

    @Inject
    coop.panier.integrations.MailDeliveries mails;

    @Test
    void membersPlaceOrdersAgainstASlotSeries() throws Exception {
        int members = Integer.parseInt(System.getenv().getOrDefault("BENCH_MEMBERS", "400"));
        int concurrency = Integer.parseInt(System.getenv().getOrDefault("BENCH_CONCURRENCY", "32"));
        TestScales.ensureOneInForceToday(scales);

        LocalDate friday = LocalDate.now(DriveFixtures.ZONE).plusDays(7).with(TemporalAdjusters.next(java.time.DayOfWeek.FRIDAY));
        List<String> slots = as(admin()).contentType(ContentType.JSON)
                .body(Map.of("place", "Banc d'essai", "firstDay", friday.toString(), "weeks", 4, "from", "17:00",
                        "to", "19:00", "slotMinutes", 30, "capacity", Math.max(1, members / 20)))
                .post("/api/v1/pickup-slots/series").then().statusCode(201).extract().path("items.id");
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            products.add(product("Produit de banc " + i, 100 + i * 35, 1, members / 4.0));
        }
        ExecutorService setup = Executors.newFixedThreadPool(8);
        List<Future<String>> made = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            int n = i;
            made.add(setup.submit(() -> activeMember("Banc" + n)));
        }
        List<String> tokens = new ArrayList<>();
        for (Future<String> f : made) {
            tokens.add(f.get());
        }
        setup.shutdown();

        // The events of the run go to a real receiver on this host, and their mails to GreenMail.
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger received = new AtomicInteger();
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        as(admin()).contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hooks", "eventTypes", List.of("order.placed"))).post("/api/v1/webhooks").then().statusCode(201);
        coop.panier.testsupport.GreenMailTestResource.server().reset();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            int n = i;
            runs.add(pool.submit(() -> {
                String body = "{\"slotId\":\"" + slots.get(n % slots.size()) + "\",\"lines\":[{\"productId\":\""
                        + products.get(n % products.size()) + "\",\"quantity\":1},{\"productId\":\""
                        + products.get((n * 7 + 3) % products.size()) + "\",\"quantity\":2}]}";
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/orders"))
                        .header("Authorization", "Bearer " + tokens.get(n)).header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                long t0 = System.nanoTime();
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                latencies.add(System.nanoTime() - t0);
                statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%n=== Drive benchmark: %d members, %d at a time, %d slots ===%n", members, concurrency,
                slots.size());
        System.out.printf("requests: %d in %.2f s -> %.1f orders/s (%d accepted)%n", sorted.size(), seconds,
                sorted.size() / seconds, statuses.getOrDefault(201, new AtomicInteger()).get());
        System.out.printf("responses by status: %s%n", statuses);
        System.out.printf("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);

        // What the orders told, delivered by one instance's workers, one after the other.
        long hooks = System.nanoTime();
        while (webhooks.deliverOne()) {
            // until every delivery is done
        }
        double hookSeconds = (System.nanoTime() - hooks) / 1e9;
        long mailing = System.nanoTime();
        while (mails.sendOne()) {
            // until every mail is sent
        }
        double mailSeconds = (System.nanoTime() - mailing) / 1e9;
        int mailed = coop.panier.testsupport.GreenMailTestResource.server().getReceivedMessages().length;
        receiver.stop(0);
        System.out.printf("webhooks: %d order.placed delivered in %.2f s -> %.1f/s%n", received.get(), hookSeconds,
                received.get() / hookSeconds);
        System.out.printf("mails: %d confirmations sent in %.2f s -> %.1f/s%n%n", mailed, mailSeconds, mailed / mailSeconds);
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
