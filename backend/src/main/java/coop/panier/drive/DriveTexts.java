package coop.panier.drive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.eclipse.microprofile.config.ConfigProvider;

/** Dates, times and quantities as the co-op's members read them, in French and in its zone. */
final class DriveTexts {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM 'à' HH'h'mm", Locale.FRENCH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRENCH);

    private DriveTexts() {
    }

    static ZoneId zone() {
        return ZoneId.of(ConfigProvider.getConfig().getOptionalValue("panier.zone", String.class).orElse("Europe/Paris"));
    }

    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(zone()));
    }

    static String day(Instant instant) {
        return DAY.format(instant.atZone(zone()));
    }

    static String time(Instant instant) {
        return TIME.format(instant.atZone(zone()));
    }

    /** "1,5" rather than "1.500". */
    static String quantity(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    static String euros(long cents) {
        return String.format(Locale.FRENCH, "%d,%02d €", cents / 100, Math.abs(cents % 100));
    }
}
