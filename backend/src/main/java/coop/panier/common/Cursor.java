package coop.panier.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The one pagination of the API: keyset cursors, opaque to clients. A cursor holds the sort
 * key of the last item of a page; a forged or damaged one is a 400 on `cursor`.
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(String... key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, key).getBytes(StandardCharsets.UTF_8));
    }

    /** A page of items and the cursor of the next page, null on the last one. */
    public record Slice<T>(List<T> items, String nextCursor) {
    }

    /**
     * The key of the cursor, parsed by `parse` from its parts; null without a cursor. A cursor
     * that does not parse is a 400.
     */
    public static <K> K read(String cursor, int parts, Function<List<String>, K> parse) {
        if (cursor == null) {
            return null;
        }
        List<String> key = decode(cursor, parts);
        try {
            return parse.apply(key);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    /** Cuts what a query fetched (up to size + 1 items) to one page, keyed on its last item. */
    public static <T> Slice<T> slice(List<T> fetched, int size, Function<T, String[]> keyOf) {
        if (fetched.size() <= size) {
            return new Slice<>(fetched, null);
        }
        List<T> page = fetched.subList(0, size);
        return new Slice<>(page, encode(keyOf.apply(page.get(size - 1))));
    }

    private static List<String> decode(String cursor, int parts) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> key = List.of(raw.split(SEPARATOR, -1));
            if (key.size() != parts) {
                throw new IllegalArgumentException();
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static ProblemException invalid() {
        return ProblemException.invalidField("cursor", "curseur invalide : reprenez la liste depuis le début");
    }

    /** The limit asked for, or the default of 50. */
    public static int limit(Integer asked) {
        return asked == null ? 50 : asked;
    }
}
