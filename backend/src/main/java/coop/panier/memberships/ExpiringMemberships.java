package coop.panier.memberships;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import coop.panier.common.OnceAcrossInstances;
import coop.panier.integrations.EventType;
import coop.panier.integrations.Outbox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Thirty days before a membership ends, unless the household has already renewed, it records
 * `membership.expiring`, and so a mail to the household's members who want the reminder. Once
 * per membership, whatever the number of instances (an advisory lock, and a unique index behind it).
 */
@ApplicationScoped
public class ExpiringMemberships {

    static final int DAYS_BEFORE = 30;

    @Inject
    MembershipRepository memberships;

    @Inject
    MembershipService service;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Scheduled(every = "${panier.memberships.expiring-check:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tellDue() {
        tell(LocalDate.now(clock));
    }

    /** Records the `membership.expiring` events due on `today`; returns how many. */
    public int tell(LocalDate today) {
        var em = memberships.getEntityManager();
        return OnceAcrossInstances.run(em, "expiring memberships", () -> {
            @SuppressWarnings("unchecked")
            List<UUID> due = em.createNativeQuery("""
                    select m.id from membership m
                    where m.period_end between ?1 and ?2
                      and not exists (select 1 from membership later
                                      where later.household_id = m.household_id and later.period_start > m.period_end)
                      and not exists (select 1 from domain_event e
                                      where e.type = 'membership.expiring' and e.subject_id = m.id)""", UUID.class)
                    .setParameter(1, today).setParameter(2, today.plusDays(DAYS_BEFORE)).getResultList();
            due.forEach(id -> outbox.record(EventType.MEMBERSHIP_EXPIRING, id,
                    MembershipService.payload(service.view(memberships.findById(id)))));
            return due.size();
        });
    }
}
