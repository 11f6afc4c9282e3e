package coop.panier.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

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

    public static List<String> decode(String cursor, int parts) {
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
