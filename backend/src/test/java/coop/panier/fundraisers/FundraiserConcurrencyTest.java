package coop.panier.fundraisers;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.fundraisers.FundraiserFixtures.PROBLEMS;
import static coop.panier.fundraisers.FundraiserFixtures.charges;
import static coop.panier.fundraisers.FundraiserFixtures.events;
import static coop.panier.fundraisers.FundraiserFixtures.history;
import static coop.panier.fundraisers.FundraiserFixtures.opened;
import static coop.panier.fundraisers.FundraiserFixtures.pledge;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Many members pledging at once across the goal: the fundraiser's row lock, not luck, charges each pledge once. */
@QuarkusTest
class FundraiserConcurrencyTest extends ApiTest {

    private static final List<String> MEMBERS = new ArrayList<>();

    @Inject
    MembershipScaleRepository scales;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void fortyMembersWithAPaidMembership() throws Exception {
        TestScales.ensureOneInForceToday(scales);
        synchronized (MEMBERS) {
            if (MEMBERS.isEmpty()) {
                MEMBERS.addAll(all(40, i -> () -> activeMember("Donateur" + i)));
            }
        }
    }

    /** Runs the calls together, released at the same instant, and returns their results in order. */
    private static <T> List<T> all(int n, IntFunction<Callable<T>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 32));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> c = call.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /** Each pledge due has exactly one ledger entry of its amount, and no other pledge has any. */
    private void eachPledgeDueIsChargedOnce(String id, long expectedTotal) throws Exception {
        List<String> due = FundraiserFixtures.rows(dataSource, "select id || ' ' || amount_cents from fundraiser_pledge"
                + " where fundraiser_id = ? and status = 'DUE'", id);
        assertThat(charges(dataSource, id)).containsExactlyInAnyOrderElementsOf(due);
        assertThat(charges(dataSource, id).stream().mapToLong(line -> Long.parseLong(line.split(" ")[1])).sum())
                .isEqualTo(expectedTotal);
        assertThat(events(dataSource, id)).containsExactly("fundraiser.opened", "fundraiser.reached");
    }

    @Test
    void fortyPledgesAtOnceCrossTheGoalAndEachIsChargedOnce() throws Exception {
        // 100 € in pledges of 3 €: the 34th reaches the goal (102 €), the 6 that come after it are refused.
        String id = opened(MEMBERS.get(0), "Une chambre froide", 10_000, 30);
        List<Response> responses = all(40, i -> () -> pledge(MEMBERS.get(i), id, 300, i % 2 == 0));

        assertThat(responses).extracting(Response::statusCode).filteredOn(s -> s == 201).hasSize(34);
        assertThat(responses).filteredOn(r -> r.statusCode() != 201).hasSize(6)
                .allSatisfy(r -> assertThat(r.<String>path("type")).isEqualTo(PROBLEMS + "fundraiser-reached"));
        assertThat(history(dataSource, id)).hasSize(34).allMatch(line -> line.equals("DUE 300"));
        eachPledgeDueIsChargedOnce(id, 10_200);
    }

    @Test
    void twentyChangesAtOnceCrossTheGoalAndEachStandingPledgeIsChargedOnce() throws Exception {
        // Twenty promises of 1 €, then all raised to 6 € at once: after k raises 20 + 5k €, so the
        // 16th reaches 100 € and the 4 raises after it are refused, their 1 € promises due.
        String id = opened(MEMBERS.get(1), "Un congélateur", 10_000, 30);
        List<String> twenty = MEMBERS.subList(20, 40);
        for (String member : twenty) {
            pledge(member, id, 100, false).then().statusCode(201);
        }
        List<Integer> statuses = all(20, i -> () -> pledge(twenty.get(i), id, 600, false).statusCode());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(16);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(4);
        assertThat(history(dataSource, id)).filteredOn(line -> line.startsWith("DUE")).hasSize(20);
        assertThat(history(dataSource, id)).filteredOn(line -> line.startsWith("CHANGED")).hasSize(16);
        eachPledgeDueIsChargedOnce(id, 16 * 600 + 4 * 100);
    }
}
