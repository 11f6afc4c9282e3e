package coop.panier.integrations;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Wakes this instance's workers once a transaction that wrote events has committed, so that a
 * member's mail and a receiver's webhook leave within milliseconds rather than at the next poll.
 * The work runs on a thread of its own, never in the member's request, and one wake-up covers
 * every commit that happened before it ran. The polls stay: they take what other instances
 * wrote, and what failed and waits for its next try.
 */
@ApplicationScoped
public class Nudges {

    private static final Logger LOG = Logger.getLogger(Nudges.class);
    private static final Object REGISTERED = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    WebhookDeliveries webhooks;

    @Inject
    MailDeliveries mails;

    /** Off in the tests, which deliver step by step. */
    @ConfigProperty(name = "panier.outbox.nudge", defaultValue = "true")
    boolean enabled;

    private final AtomicBoolean webhooksDue = new AtomicBoolean();
    private final AtomicBoolean mailsDue = new AtomicBoolean();
    private ExecutorService workers;

    @PostConstruct
    void start() {
        workers = Executors.newFixedThreadPool(2, run -> {
            Thread thread = new Thread(run, "panier-outbox-nudge");
            thread.setDaemon(true);
            return thread;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
    }

    /** Called in the transaction that records an event: after its commit, the workers run. */
    void afterCommit() {
        if (!enabled || transactions.getResource(REGISTERED) != null) {
            return;
        }
        transactions.putResource(REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake(webhooksDue, webhooks::drainNow);
                    wake(mailsDue, mails::drainNow);
                }
            }
        });
    }

    private void wake(AtomicBoolean due, Runnable drain) {
        if (due.compareAndSet(false, true)) {
            workers.execute(() -> {
                due.set(false);
                try {
                    drain.run();
                } catch (RuntimeException e) {
                    LOG.warn("An outbox worker woken after a commit failed; the next poll takes over", e);
                }
            });
        }
    }
}
