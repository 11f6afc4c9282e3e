package coop.panier.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.panier.common.OnceAcrossInstances;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * What time does to proposals, once across instances: 48 hours before a deadline, those who have
 * not responded are reminded (`proposal.closing_soon`); at the deadline the round is decided
 * and the decision told (`proposal.decided`); on an adopted proposal's review date its group is
 * reminded (`proposal.review_due`). Each once per round: the round's status, and unique indexes
 * on the events behind it.
 */
@ApplicationScoped
public class ProposalDeadlines {

    static final Duration CLOSING_SOON = Duration.ofHours(48);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ProposalService proposals;

    @Inject
    ProposalEvents events;

    @ConfigProperty(name = "panier.zone", defaultValue = "Europe/Paris")
    String zone;

    @Scheduled(every = "${panier.governance.deadline-check:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runDue() {
        run(clock.instant());
    }

    /** What is due at `now`: reminders, decisions, reviews; returns how many events it recorded. */
    public int run(Instant now) {
        return OnceAcrossInstances.run(em, "proposal deadlines", () -> {
            int told = 0;
            for (UUID id : ids("""
                    select p.id from proposal p
                    where p.status = 'OPEN' and p.deadline > ?1 and p.deadline <= ?2
                      and not exists (select 1 from domain_event e where e.type = 'proposal.closing_soon' and e.subject_id = p.id)
                    order by p.deadline, p.id""", now, now.plus(CLOSING_SOON))) {
                events.closingSoon(em.find(Proposal.class, id));
                told++;
            }
            for (UUID id : ids("select p.id from proposal p where p.status = 'OPEN' and p.deadline <= ?1 order by p.deadline, p.id",
                    now, null)) {
                told += proposals.settle(id, now) ? 1 : 0;
            }
            LocalDate today = LocalDate.ofInstant(now, ZoneId.of(zone));
            for (UUID id : ids("""
                    select p.id from proposal p
                    where p.status = 'ADOPTED' and p.review_on <= cast(?1 as date)
                      and not exists (select 1 from domain_event e where e.type = 'proposal.review_due' and e.subject_id = p.id)
                    order by p.review_on, p.id""", today, null)) {
                events.reviewDue(em.find(Proposal.class, id));
                told++;
            }
            return told;
        });
    }

    @SuppressWarnings("unchecked")
    private List<UUID> ids(String sql, Object first, Object second) {
        var query = em.createNativeQuery(sql, UUID.class).setParameter(1, first);
        if (second != null) {
            query.setParameter(2, second);
        }
        return query.getResultList();
    }
}
