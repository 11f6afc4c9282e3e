package coop.panier.drive;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.panier.common.OnceAcrossInstances;
import coop.panier.integrations.EventType;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The day before a pickup, from `panier.mail.reminder-hour` (co-op time), each basket still to
 * collect gets an `order.pickup_reminder` event, and so a mail to the members who want it. An
 * order placed that same day is not reminded: its confirmation is fresh. Each order is reminded
 * once, whatever the number of instances (an advisory lock, and a unique index behind it).
 */
@ApplicationScoped
public class PickupReminders {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OrderEvents events;

    @ConfigProperty(name = "panier.mail.reminder-hour", defaultValue = "10")
    int reminderHour;

    @Scheduled(every = "${panier.mail.reminder-check:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void remindDue() {
        remind(clock.instant());
    }

    /** Records the reminders due at `now`; returns how many. */
    public int remind(Instant now) {
        ZoneId zone = clock.getZone();
        ZonedDateTime local = now.atZone(zone);
        if (local.getHour() < reminderHour) {
            return 0;
        }
        LocalDate today = local.toLocalDate();
        return OnceAcrossInstances.run(em, "pickup reminders", () -> {
            @SuppressWarnings("unchecked")
            List<UUID> due = em.createNativeQuery("""
                    select o.id from customer_order o join pickup_slot s on s.id = o.slot_id
                    where s.starts_at >= ?1 and s.starts_at < ?2 and s.status <> 'CANCELLED'
                      and o.status in ('PLACED', 'PREPARED') and o.placed_at < ?3
                      and not exists (select 1 from domain_event e
                                      where e.type = 'order.pickup_reminder' and e.subject_id = o.id)
                    order by o.number""", UUID.class)
                    .setParameter(1, today.plusDays(1).atStartOfDay(zone).toInstant())
                    .setParameter(2, today.plusDays(2).atStartOfDay(zone).toInstant())
                    .setParameter(3, today.atStartOfDay(zone).toInstant()).getResultList();
            if (due.isEmpty()) {
                return 0;
            }
            List<Order> orders = em.createQuery("select distinct o from CustomerOrder o left join fetch o.lines"
                    + " where o.id in :ids", Order.class).setParameter("ids", due).getResultList();
            orders.forEach(order -> events.order(EventType.ORDER_PICKUP_REMINDER, order));
            return orders.size();
        });
    }
}
