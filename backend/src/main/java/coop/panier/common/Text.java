package coop.panier.common;

/**
 * The one check of text that comes in, from a JSON body, a query or a cursor. PostgreSQL refuses
 * a NUL character, and a lone UTF-16 surrogate is not a character at all: both are refused with
 * their reason, instead of failing deep inside a query.
 */
public final class Text {

    private Text() {
    }

    /** Why the text cannot be taken, or null if it can. */
    public static String refusal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "caractère NUL (U+0000) interdit";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "texte Unicode invalide (demi-caractère UTF-16 isolé)";
            }
        }
        return null;
    }

    /** Text that is only spaces says nothing: it counts as absent, so a required field is missing. */
    public static boolean blank(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }
}
