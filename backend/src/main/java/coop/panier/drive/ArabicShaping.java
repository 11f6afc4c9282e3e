package coop.panier.drive;

/**
 * Joins Arabic letters the way they are written: a PDF shows glyphs, not text, so each letter
 * takes its initial, medial, final or isolated form from Unicode's presentation forms, which the
 * embedded font has. Text readers (copy and paste, search) map these forms back to the letters.
 */
final class ArabicShaping {

    private static final int FIRST = 0x0621;
    private static final int LAM = 0x0644;
    /** Joining type of U+0621..U+064A: U none, R joins on its right only, D on both sides, C the tatweel. */
    private static final String JOINING = "URRRRDRDRDDDDDRRRRDDDDDDDD_____CDDDDDDDRRD";
    private static final int[] FORMS = new int[JOINING.length()];

    static {
        int next = 0xFE80;
        for (int i = 0; i < JOINING.length(); i++) {
            char type = JOINING.charAt(i);
            FORMS[i] = type == 'U' || type == 'R' || type == 'D' ? next : 0;
            next += switch (type) {
                case 'U' -> 1;
                case 'R' -> 2;
                case 'D' -> 4;
                default -> 0;
            };
        }
    }

    private ArabicShaping() {
    }

    static String shape(String text) {
        if (text.chars().noneMatch(c -> index(c) >= 0)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char type = type(c);
            if (index(c) < 0 || FORMS[index(c)] == 0) {
                out.append(c);
                continue;
            }
            boolean joinsBefore = joinsLeft(previous(text, i));
            int after = next(text, i);
            if (c == LAM && after >= 0 && lamAlef(text.charAt(after)) > 0) {
                out.append((char) (lamAlef(text.charAt(after)) + (joinsBefore ? 1 : 0)));
                i = after;
                continue;
            }
            boolean joinsAfter = type == 'D' && after >= 0 && joinsRight(text.charAt(after));
            int form = FORMS[index(c)];
            out.append((char) (type == 'U' ? form
                    : type == 'R' ? form + (joinsBefore ? 1 : 0)
                    : form + (joinsBefore ? (joinsAfter ? 3 : 1) : (joinsAfter ? 2 : 0))));
        }
        return out.toString();
    }

    /** Lam followed by an alef is one ligature: its isolated form, the final one is the next code. */
    private static int lamAlef(char alef) {
        return switch (alef) {
            case '\u0622' -> 0xFEF5;
            case '\u0623' -> 0xFEF7;
            case '\u0625' -> 0xFEF9;
            case '\u0627' -> 0xFEFB;
            default -> 0;
        };
    }

    private static int index(int c) {
        int i = c - FIRST;
        return i >= 0 && i < JOINING.length() ? i : -1;
    }

    private static char type(int c) {
        int i = index(c);
        return i < 0 ? 'U' : JOINING.charAt(i);
    }

    private static boolean joinsLeft(int c) {
        return c >= 0 && (type(c) == 'D' || type(c) == 'C');
    }

    private static boolean joinsRight(int c) {
        char type = type(c);
        return type == 'D' || type == 'R' || type == 'C';
    }

    /** Vowel marks are transparent: letters join across them. */
    private static boolean transparent(char c) {
        return c >= '\u064B' && c <= '\u065F' || c == '\u0670';
    }

    private static int previous(String text, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!transparent(text.charAt(j))) {
                return text.charAt(j);
            }
        }
        return -1;
    }

    private static int next(String text, int i) {
        for (int j = i + 1; j < text.length(); j++) {
            if (!transparent(text.charAt(j))) {
                return j;
            }
        }
        return -1;
    }
}
