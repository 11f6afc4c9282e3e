package coop.panier.assemblies;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import coop.panier.integrations.EventType;
import coop.panier.integrations.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The `assembly.*` events (`AssemblyEventPayload`), recorded in the transaction of the change. */
@ApplicationScoped
class AssemblyEvents {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    void record(EventType type, Assembly assembly) {
        outbox.record(type, assembly.id, Map.of("assemblyId", assembly.id.toString(), "title", assembly.title,
                "place", assembly.place, "startsAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(assembly.startsAt.atZone(clock.getZone()))));
    }
}
