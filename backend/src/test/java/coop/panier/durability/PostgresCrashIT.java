package coop.panier.durability;

import org.junit.jupiter.api.Test;

/**
 * PostgreSQL killed with SIGKILL while members order, then started again on the same data
 * directory: every order the backend acknowledged with a 201 is there, and the stock accounts
 * for every order. A commit is on disk before it is acknowledged, or this fails.
 */
class PostgresCrashIT {

    @Test
    void noAcknowledgedOrderIsLostWhenPostgresIsKilled() throws Exception {
        try (CrashDrill drill = CrashDrill.start("postgres-sigkill")) {
            CrashDrill.Result result = drill.orderThrough(() -> {
                drill.killPostgres();
                drill.startPostgres();
            });
            drill.assertEveryAcknowledgedOrderIsThere("PostgreSQL killed with SIGKILL, restarted on the same data", result);
            drill.assertStockAccountsForEveryOrder();
        }
    }
}
