package coop.panier.fundraisers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import coop.panier.common.OnceAcrossInstances;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Closes the fundraisers whose deadline passed short of their goal: MISSED, their pledges
 * released, `fundraiser.missed` recorded. Once across instances (an advisory lock), and
 * idempotent: only an open fundraiser is closed, and PostgreSQL refuses any change to a closed
 * one. Reads do not wait for it (Fundraiser.statusAt).
 */
@ApplicationScoped
public class FundraiserDeadlines {

    @Inject
    EntityManager em;

    @Inject
    Pledges pledges;

    @Inject
    Clock clock;

    @Scheduled(every = "${panier.fundraisers.deadline-check:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeDue() {
        close(clock.instant());
    }

    /** Closes the fundraisers missed at `now`; returns how many. */
    public int close(Instant now) {
        return OnceAcrossInstances.run(em, "missed fundraisers", () -> {
            List<Fundraiser> due = em.createQuery("from Fundraiser f where f.status = :open and f.deadline <= :now"
                    + " order by f.deadline, f.id", Fundraiser.class)
                    .setParameter("open", Fundraiser.Status.OPEN).setParameter("now", now)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            due.forEach(f -> pledges.release(f, now));
            return due.size();
        });
    }
}
