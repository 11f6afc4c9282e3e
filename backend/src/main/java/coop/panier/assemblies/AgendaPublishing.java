package coop.panier.assemblies;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import coop.panier.common.OnceAcrossInstances;
import coop.panier.integrations.EventType;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * When an agenda closes, it is published to every member: `assembly.agenda_published`, mailed
 * to the active members, once per assembly, whatever the number of instances (an advisory
 * lock, and `agenda_published_at`, set once, behind it).
 */
@ApplicationScoped
public class AgendaPublishing {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Assemblies assemblies;

    @Inject
    AssemblyEvents events;

    @Scheduled(every = "${panier.assemblies.agenda-check:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDue() {
        publish(clock.instant());
    }

    /** Publishes the agendas closed at `now` and not published yet; returns how many. */
    public int publish(Instant now) {
        return OnceAcrossInstances.run(em, "assembly agendas", () -> {
            List<UUID> candidates = em.createNativeQuery("select id from assembly where status = 'SCHEDULED'"
                    + " and agenda_published_at is null and starts_at > ?1 order by starts_at, id", UUID.class)
                    .setParameter(1, now).getResultList();
            int published = 0;
            for (UUID id : candidates) {
                Assembly assembly = em.find(Assembly.class, id);
                if (now.isBefore(assemblies.agendaClosesAt(assembly))) {
                    continue;
                }
                int set = em.createNativeQuery("update assembly set agenda_published_at = ?2, live_version = live_version + 1"
                        + " where id = ?1 and agenda_published_at is null").setParameter(1, id).setParameter(2, now)
                        .executeUpdate();
                if (set == 1) {
                    events.record(EventType.ASSEMBLY_AGENDA_PUBLISHED, assembly);
                    published++;
                }
            }
            return published;
        });
    }
}
