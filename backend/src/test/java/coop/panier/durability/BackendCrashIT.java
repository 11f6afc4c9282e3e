package coop.panier.durability;

import org.junit.jupiter.api.Test;

/**
 * The backend (the packaged jar, a process of its own) killed with SIGKILL while members
 * order, then started again: every order it acknowledged with a 201 is there, none is there
 * twice, and the stock accounts for every order.
 */
class BackendCrashIT {

    @Test
    void noAcknowledgedOrderIsLostWhenTheBackendIsKilled() throws Exception {
        try (CrashDrill drill = CrashDrill.start("backend-sigkill")) {
            CrashDrill.Result result = drill.orderThrough(() -> {
                drill.killBackend();
                drill.startBackend();
            });
            drill.assertEveryAcknowledgedOrderIsThere("the backend killed with SIGKILL, restarted", result);
            drill.assertStockAccountsForEveryOrder();
        }
    }
}
