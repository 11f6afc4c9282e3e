package coop.panier.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * The one pagination of the API: keyset cursors, opaque to clients. A cursor holds the sort
 * key of the last item of a page and a checksum of it, so that a forged or damaged one is a 400
 * on `cursor` rather than a page that silently starts somewhere else.
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(String... key) {
        String joined = String.join(SEPARATOR, key);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((joined + SEPARATOR + checksum(joined)).getBytes(StandardCharsets.UTF_8));
    }

    private static String checksum(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
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
            String raw = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor))).toString();
            int last = raw.lastIndexOf(SEPARATOR);
            if (last < 0 || !raw.substring(last + 1).equals(checksum(raw.substring(0, last)))) {
                throw new IllegalArgumentException("checksum");
            }
            List<String> key = List.of(raw.substring(0, last).split(SEPARATOR, -1));
            if (key.size() != parts || key.stream().anyMatch(part -> Text.refusal(part) != null)) {
                throw new IllegalArgumentException();
            }
            return key;
        } catch (IllegalArgumentException | CharacterCodingException e) {
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
