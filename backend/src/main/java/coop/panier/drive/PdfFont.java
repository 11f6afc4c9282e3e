package coop.panier.drive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Bidi;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * DejaVu Sans embedded in a PDF (only the glyphs used), so that any member's or product's name
 * prints: Latin, Vietnamese, Greek, Cyrillic, Arabic, some emoji. A character the font lacks
 * prints as U+FFFD instead of failing the whole document.
 */
final class PdfFont {

    private static final byte[] REGULAR = resource("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = resource("fonts/DejaVuSans-Bold.ttf");
    private static final int MISSING = 0xFFFD;

    private final PDType0Font font;
    private final CmapLookup glyphs;

    private PdfFont(PDDocument document, byte[] file) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(file));
        glyphs = ttf.getUnicodeCmapLookup();
        font = PDType0Font.load(document, ttf, true);
    }

    static PdfFont regular(PDDocument document) throws IOException {
        return new PdfFont(document, REGULAR);
    }

    static PdfFont bold(PDDocument document) throws IOException {
        return new PdfFont(document, BOLD);
    }

    /**
     * `text` as lines no wider than `width` points: cut between words, after a hyphen, or inside
     * a word too long for a line.
     */
    List<String> lines(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(text).split(" ", -1)) {
            String separator = line.isEmpty() ? "" : " ";
            for (String part : word.split("(?<=-)")) {
                if (width(line + separator + part, size) <= width) {
                    line.append(separator).append(part);
                } else {
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    part.codePoints().forEach(c -> {
                        if (!line.isEmpty() && width(line + Character.toString(c), size) > width) {
                            lines.add(line.toString());
                            line.setLength(0);
                        }
                        line.appendCodePoint(c);
                    });
                }
                separator = "";
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** Shows one of the `lines`, right-to-left runs (Arabic) in the order the eye reads them. */
    void show(PDPageContentStream page, float size, float x, float baseline, String line) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, baseline);
        page.showText(visual(line));
        page.endText();
    }

    float width(String printable, float size) {
        try {
            return font.getStringWidth(printable) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of text the font can show: composed accents, spaces for controls, U+FFFD for the rest. */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                out.append(' ');
            } else if (Character.getType(c) == Character.FORMAT || c >= 0xFE00 && c <= 0xFE0F) {
                return;
            } else {
                out.appendCodePoint(glyphs.getGlyphId(c) > 0 ? c : MISSING);
            }
        });
        return ArabicShaping.shape(out.toString());
    }

    private static String visual(String line) {
        Bidi bidi = new Bidi(line, Bidi.DIRECTION_LEFT_TO_RIGHT);
        if (bidi.isLeftToRight()) {
            return line;
        }
        int count = bidi.getRunCount();
        byte[] levels = new byte[count];
        String[] runs = new String[count];
        for (int i = 0; i < count; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            String run = line.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            runs[i] = levels[i] % 2 == 0 ? run : mirrored(new StringBuilder(run).reverse().toString());
        }
        Bidi.reorderVisually(levels, 0, runs, 0, count);
        return String.join("", runs);
    }

    private static String mirrored(String reversed) {
        StringBuilder out = new StringBuilder(reversed.length());
        for (char c : reversed.toCharArray()) {
            out.append(switch (c) {
                case '(' -> ')';
                case ')' -> '(';
                case '[' -> ']';
                case ']' -> '[';
                default -> c;
            });
        }
        return out.toString();
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfFont.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
