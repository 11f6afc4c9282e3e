package coop.panier.common;

import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/**
 * A scheduled job that runs once at a time across instances: its own transaction, holding a
 * PostgreSQL advisory lock named after the job until it commits. The unique indexes behind each
 * job (one reminder per order, one shift per template and day…) stay the last line of defence.
 */
public final class OnceAcrossInstances {

    private OnceAcrossInstances() {
    }

    public static <T> T run(EntityManager em, String job, Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "panier " + job)
                    .getSingleResult();
            return work.get();
        });
    }
}
