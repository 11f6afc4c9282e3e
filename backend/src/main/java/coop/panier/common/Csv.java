package coop.panier.common;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The one CSV dialect of our exports: what spreadsheets set up for French open as is —
 * semicolons, decimal commas, UTF-8 with a byte order mark, CRLF line ends.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private final StringBuilder text = new StringBuilder("\uFEFF");

    public Csv row(String... cells) {
        text.append(Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(";"))).append("\r\n");
        return this;
    }

    public byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Quoted when it holds a separator, a quote or a line break; a leading formula sign is defused. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("^[+-]?[0-9 .,()-]+$")) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    /** 890 cents as "8,90". */
    public static String euros(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString().replace('.', ',');
    }

    /** 0.5 as "0,5". */
    public static String decimal(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
