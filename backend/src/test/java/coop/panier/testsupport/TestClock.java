package coop.panier.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The application's one clock in the tests (it replaces {@code common/ClockProducer}'s): the real
 * time, moved by an offset that a test sets to travel (to a day of its choice, time still
 * running) and that every test leaves at zero ({@link ApiTest} puts it back after each). The
 * offset is the only state, shared by the whole test JVM; tests run one at a time.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    private final ZoneId zone;

    public TestClock() {
        this(ZoneId.of(ConfigProvider.getConfig().getOptionalValue("panier.zone", String.class).orElse("Europe/Paris")));
    }

    private TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** From now on, the application's time is this moment (and runs on from it). */
    public static void travelTo(Instant moment) {
        OFFSET.set(Duration.between(Instant.now(), moment));
    }

    /** The same, for a local time of the co-op (Europe/Paris in the tests). */
    public static void travelTo(LocalDateTime local) {
        travelTo(local.atZone(ZoneId.of("Europe/Paris")).toInstant());
    }

    /** Back to the real time. */
    public static void reset() {
        OFFSET.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new TestClock(other);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(OFFSET.get());
    }
}
