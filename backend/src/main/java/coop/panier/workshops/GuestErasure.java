package coop.panier.workshops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.panier.common.OnceAcrossInstances;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Guests' names and addresses are erased 30 days after their event (`panier.workshops.guest-days`):
 * the row stays, so the past's counts stay true, with neither name nor address nor key. Once at a
 * time across instances; a second run finds nothing left to erase.
 */
@ApplicationScoped
public class GuestErasure {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "panier.workshops.guest-days", defaultValue = "30")
    int days;

    @Scheduled(every = "${panier.workshops.guest-erasure-check:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void eraseDue() {
        erase(clock.instant());
    }

    /** Erases the guests of the events ended more than 30 days before `now`; returns how many. */
    public int erase(Instant now) {
        return OnceAcrossInstances.run(em, "guest erasure", () -> em.createNativeQuery("""
                update workshop_registration r set guest_name = null, guest_email = null, cancel_token = null, erased_at = ?1
                from workshop w
                where w.id = r.workshop_id and r.member_id is null and r.erased_at is null and w.ends_at <= ?2""")
                .setParameter(1, now).setParameter(2, now.minus(Duration.ofDays(days))).executeUpdate());
    }
}
