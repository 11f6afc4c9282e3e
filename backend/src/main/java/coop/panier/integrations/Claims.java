package coop.panier.integrations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/**
 * How the outbox's workers take work: one due row at a time, claimed by a query that ends in
 * FOR UPDATE SKIP LOCKED (so that several instances never take the same), handled and committed
 * in a transaction of its own.
 */
public final class Claims {

    private Claims() {
    }

    /** Claims the row the query finds due at `now` (its ?1) and hands it over; false if none is due. */
    public static boolean one(EntityManager em, String query, Instant now, Consumer<Object[]> handle) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> due = em.createNativeQuery(query, Object[].class).setParameter(1, now).getResultList();
            if (due.isEmpty()) {
                return false;
            }
            handle.accept(due.get(0));
            return true;
        });
    }

    /**
     * A mail the server refused, in a table of mails owed (`mail_delivery`'s columns): tried again
     * after twice the webhooks' back-off, given up (FAILED) after as many tries as members' mails.
     * True when given up.
     */
    public static boolean mailFailed(EntityManager em, String table, UUID id, int attempts, Instant now, String error) {
        boolean last = attempts + 1 >= MailDeliveries.GIVE_UP_AFTER_ATTEMPTS;
        em.createNativeQuery("update " + table + " set attempts = attempts + 1, last_error = ?2, status = ?3,"
                + " next_attempt_at = ?4 where id = ?1").setParameter(1, id)
                .setParameter(2, error.substring(0, Math.min(error.length(), 300)))
                .setParameter(3, last ? "FAILED" : "PENDING")
                .setParameter(4, now.plus(WebhookDeliveries.backoff(attempts + 1).multipliedBy(2))).executeUpdate();
        return last;
    }

    /** Takes work until none is due, at most a hundred rows a run so that a run stays short. */
    public static void drain(BooleanSupplier one) {
        for (int i = 0; i < 100 && one.getAsBoolean(); i++) {
            // keeps going while there is work
        }
    }

    /** Takes work until none is due, however much there is (a worker woken by a commit). */
    static void drainAll(BooleanSupplier one) {
        while (one.getAsBoolean()) {
            // keeps going while there is work
        }
    }
}
