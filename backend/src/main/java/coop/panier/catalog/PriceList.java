package coop.panier.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A supplier's price list as it comes: a CSV whose columns are found by their header, in
 * UTF-8 or Latin-1, separated by semicolons, commas or tabs. Reading it checks only that it is
 * such a file; each line is judged when it is applied.
 */
public final class PriceList {

    public enum Column {
        REFERENCE("reference fournisseur", "reference", "ref", "ref fournisseur", "code"),
        NAME("nom", "designation", "libelle", "produit", "name"),
        PRICE("prix ttc", "prix", "prix de vente", "price"),
        CATEGORY("categorie", "rayon", "category"),
        UNIT("unite", "unit"),
        ORDER_STEP("pas de commande", "pas", "order step"),
        VAT("tva", "taux de tva", "vat"),
        DESCRIPTION("description"),
        ORIGIN("origine", "provenance", "origin"),
        LABELS("labels", "label");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }
    }

    /** A line of products and its number in the file (the header is line 1). */
    public record Line(int number, Map<Column, String> cells) {

        public String get(Column column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** Why a file is not a price list at all: it is then refused whole. */
    public static final class NotAPriceList extends Exception {
        public NotAPriceList(String reason) {
            super(reason);
        }
    }

    private final List<Line> lines;

    private PriceList(List<Line> lines) {
        this.lines = lines;
    }

    public List<Line> lines() {
        return lines;
    }

    public static PriceList read(byte[] bytes) throws NotAPriceList {
        String text = decode(bytes);
        if (text.indexOf('\0') >= 0) {
            throw new NotAPriceList("Ce fichier n'est pas un fichier CSV (texte).");
        }
        List<String> rows = text.lines().toList();
        if (rows.stream().allMatch(String::isBlank)) {
            throw new NotAPriceList("Le fichier est vide.");
        }
        String header = rows.get(0).startsWith("\uFEFF") ? rows.get(0).substring(1) : rows.get(0);
        char separator = separatorOf(header);
        Map<Column, Integer> positions = columns(split(header, separator));
        for (Column required : List.of(Column.REFERENCE, Column.PRICE)) {
            if (!positions.containsKey(required)) {
                throw new NotAPriceList("La colonne « " + required.names.get(0) + " » est introuvable dans l'en-tête ;"
                        + " la première ligne doit nommer les colonnes.");
            }
        }
        List<Line> lines = new ArrayList<>();
        int number = 1;
        for (String raw : rows.subList(1, rows.size())) {
            number++;
            if (raw.isBlank()) {
                continue;
            }
            List<String> cells = split(raw, separator);
            Map<Column, String> byColumn = new EnumMap<>(Column.class);
            positions.forEach((column, index) -> byColumn.put(column, index < cells.size() ? cells.get(index) : null));
            lines.add(new Line(number, byColumn));
        }
        return new PriceList(lines);
    }

    /** UTF-8 when the bytes are valid UTF-8, else Latin-1 (Windows' western encoding). */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static char separatorOf(String header) {
        char best = ';';
        long most = -1;
        for (char candidate : new char[] { ';', '\t', ',' }) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > most) {
                most = count;
                best = candidate;
            }
        }
        return best;
    }

    private static Map<Column, Integer> columns(List<String> header) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            String name = normalised(header.get(i));
            for (Column column : Column.values()) {
                if (column.names.contains(name) && !positions.containsKey(column)) {
                    positions.put(column, i);
                }
            }
        }
        return positions;
    }

    /** Cells of one row; double quotes enclose cells holding the separator, "" is a quote. */
    static List<String> split(String row, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    public static String normalised(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").strip();
    }

    /**
     * "4,20 €", "4.2" or "4" as 420 cents; empty when it is not an amount. Not narrowed to a long:
     * a file may hold any number, and its line must be refused for that, not the whole file.
     */
    public static Optional<java.math.BigDecimal> cents(String value) {
        return decimal(value.replace("€", "").replace("EUR", ""))
                .filter(d -> d.signum() >= 0 && d.stripTrailingZeros().scale() <= 2)
                .map(d -> d.movePointRight(2));
    }

    public static Optional<java.math.BigDecimal> decimal(String value) {
        try {
            return Optional.of(new java.math.BigDecimal(value.strip().replace(" ", "").replace("\u00a0", "").replace(',', '.')));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
