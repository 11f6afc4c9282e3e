package coop.panier.common;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one clock of the application, in the co-op's zone; tests replace it to move time. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "panier.zone", defaultValue = "Europe/Paris") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
