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
 * about speed. BENCH_MEMBERS (default 500, a busy day) and BENCH_CONCURRENCY (default 32) size
 * the run. The outbox's workers run as in production (woken after each commit, and polling), so
 * the run also says how long an order's mail and webhook take to leave, one order at a time,
 * and how long the day's events take to be delivered.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(DriveBenchmark.WorkersOn.class)
class DriveBenchmark extends ApiTest {

    /** The workers of production, instead of the tests' step-by-step delivery. */
    public static class WorkersOn implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("panier.outbox.nudge", "true", "panier.webhooks.delivery-check", "2s",
                    "panier.mail.delivery-check", "5s");
        }
    }

    @Inject
    MembershipScaleRepository scales;

    @TestHTTPResource("/")
    URL base;

    @Test
    void membersPlaceOrdersAgainstASlotSeries() throws Exception {
        int members = Integer.parseInt(System.getenv().getOrDefault("BENCH_MEMBERS", "500"));
        int concurrency = Integer.parseInt(System.getenv().getOrDefault("BENCH_CONCURRENCY", "32"));
        TestScales.ensureOneInForceToday(scales);

        // Room for every order of the run (16 slots), so that the day's events are those of N orders.
        LocalDate friday = LocalDate.now(DriveFixtures.ZONE).plusDays(7).with(TemporalAdjusters.next(java.time.DayOfWeek.FRIDAY));
        List<String> slots = as(admin()).contentType(ContentType.JSON)
                .body(Map.of("place", "Banc d'essai", "firstDay", friday.toString(), "weeks", 4, "from", "17:00",
                        "to", "19:00", "slotMinutes", 30, "capacity", members / 16 + 3))
                .post("/api/v1/pickup-slots/series").then().statusCode(201).extract().path("items.id");
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            products.add(product("Produit de banc " + i, 100 + i * 35, 1, members / 2.0 + 10));
        }
        ExecutorService setup = Executors.newFixedThreadPool(8);
        List<Future<String>> made = new ArrayList<>();
        for (int i = 0; i < members + 20; i++) {
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
        java.util.concurrent.Semaphore hooks = new java.util.concurrent.Semaphore(0);
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        receiver.createContext("/hooks", exchange -> {
            String event = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher number = java.util.regex.Pattern.compile("\"number\":(\\d+)").matcher(event);
            if (number.find()) {
                arrivals.put(number.group(1), System.nanoTime());
            }
            received.incrementAndGet();
            hooks.release();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        as(admin()).contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hooks", "eventTypes", List.of("order.placed"))).post("/api/v1/webhooks").then().statusCode(201);
        var mailbox = coop.panier.testsupport.GreenMailTestResource.server();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        // One order at a time: from the member's request to the webhook received and to the mail in
        // the mail server (the event is committed before the member gets the answer).
        mailbox.waitForIncomingEmail(120_000, 2 * (members + 20));
        List<Long> hookDelays = new ArrayList<>();
        List<Long> mailDelays = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int before = mailbox.getReceivedMessages().length;
            String body = "{\"slotId\":\"" + slots.get(i % slots.size()) + "\",\"lines\":[{\"productId\":\""
                    + products.get(i % products.size()) + "\",\"quantity\":1}]}";
            long committed = System.nanoTime();
            HttpResponse<String> placed = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/orders"))
                    .header("Authorization", "Bearer " + tokens.get(members + i)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            java.util.regex.Matcher number = java.util.regex.Pattern.compile("\"number\":(\\d+)").matcher(placed.body());
            number.find();
            while (!arrivals.containsKey(number.group(1)) || mailbox.getReceivedMessages().length <= before) {
                Thread.onSpinWait();
                if (System.nanoTime() - committed > 30_000_000_000L) {
                    throw new IllegalStateException("Nothing delivered 30 s after order " + number.group(1));
                }
                if (arrivals.containsKey(number.group(1)) && hookDelays.size() == i) {
                    hookDelays.add(arrivals.get(number.group(1)) - committed);
                }
                if (mailbox.getReceivedMessages().length > before && mailDelays.size() == i) {
                    mailDelays.add(System.nanoTime() - committed);
                }
            }
            if (hookDelays.size() == i) {
                hookDelays.add(arrivals.get(number.group(1)) - committed);
            }
            if (mailDelays.size() == i) {
                mailDelays.add(System.nanoTime() - committed);
            }
        }
        Collections.sort(hookDelays);
        Collections.sort(mailDelays);
        int mailsBefore = mailbox.getReceivedMessages().length;
        int hooksBefore = received.get();
        hooks.drainPermits();


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

        // What the burst told, delivered by this instance's workers while and after it ran.
        int accepted = statuses.getOrDefault(201, new AtomicInteger()).get();
        long burstEnd = System.nanoTime();
        // Each webhook received releases one permit; GreenMail wakes the wait at each mail.
        boolean allHooks = hooks.tryAcquire(accepted, 600, java.util.concurrent.TimeUnit.SECONDS);
        boolean allMails = mailbox.waitForIncomingEmail(600_000, mailsBefore + accepted);
        if (!allHooks || !allMails) {
            System.out.printf("not all delivered within 10 min (webhooks %s, mails %s)%n", allHooks, allMails);
        }
        double allDelivered = (System.nanoTime() - start) / 1e9;
        double afterBurst = (System.nanoTime() - burstEnd) / 1e9;
        receiver.stop(0);
        System.out.printf("one order at a time, from the request to delivery: webhook p50 %.1f ms, max %.1f ms;"
                + " mail p50 %.1f ms, max %.1f ms (20 orders)%n", percentile(hookDelays, 50),
                hookDelays.get(hookDelays.size() - 1) / 1e6, percentile(mailDelays, 50), mailDelays.get(mailDelays.size() - 1) / 1e6);
        System.out.printf("the burst's events: %d webhooks and %d mails for %d orders, all delivered %.2f s after the"
                + " burst began (%.2f s after its last answer)%n%n", received.get() - hooksBefore,
                mailbox.getReceivedMessages().length - mailsBefore, accepted, allDelivered, afterBurst);
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
