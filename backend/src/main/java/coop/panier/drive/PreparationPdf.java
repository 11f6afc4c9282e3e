package coop.panier.drive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The printable preparation list: A4, in French, the totals by product first, then one block
 * per basket with a box to tick for each line, never split across two pages. Long names wrap
 * inside the page.
 */
final class PreparationPdf implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float LINE = 16;
    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float RIGHT = A4.getWidth() - MARGIN;

    private final PDDocument document = new PDDocument();
    private final PdfFont regular;
    private final PdfFont bold;
    private PDPageContentStream page;
    private float y;

    /** Lines of text, each with its font and size, that go together on one page. */
    private record Block(List<Row> rows) {
        float height() {
            return (float) rows.stream().mapToDouble(Row::height).sum();
        }
    }

    private record Row(PdfFont font, float size, float x, boolean box, List<String> lines) {
        float height() {
            return lines.size() * (size + 4) + (LINE - size - 4) + (size > 12 ? 4 : 0);
        }
    }

    private PreparationPdf() throws IOException {
        regular = PdfFont.regular(document);
        bold = PdfFont.bold(document);
    }

    static byte[] of(PreparationLists.List_ list) {
        try (PreparationPdf pdf = new PreparationPdf().start()) {
            return pdf.write(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PreparationPdf start() throws IOException {
        newPage();
        return this;
    }

    private byte[] write(PreparationLists.List_ list) throws IOException {
        print(row(bold, 16, MARGIN, false, "Liste de préparation"));
        print(row(regular, 12, MARGIN, false, list.title()));
        y -= LINE / 2;
        if (list.byMember().isEmpty()) {
            print(row(regular, 11, MARGIN, false, "Aucune commande à préparer."));
        } else {
            print(row(bold, 13, MARGIN, false, "Par produit"));
            for (PreparationLists.ProductTotal t : list.byProduct()) {
                print(row(regular, 11, MARGIN, true, DriveTexts.quantity(t.quantity()) + " "
                        + PreparationLists.unit(t.unit()) + "  " + t.productName() + "  (" + t.orders()
                        + (t.orders() > 1 ? " paniers)" : " panier)")));
            }
            y -= LINE;
            print(row(bold, 13, MARGIN, false, "Par adhérent"));
            for (PreparationLists.Basket b : list.byMember()) {
                y -= LINE / 2;
                print(basket(b));
            }
        }
        page.close();
        page = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private Block basket(PreparationLists.Basket b) {
        List<Row> rows = new ArrayList<>();
        rows.add(line(bold, 12, MARGIN, false, b.member().memberNumber + "  " + b.member().firstName + " "
                + b.member().lastName + "  ·  commande n° " + b.order().number + "  ·  "
                + DriveTexts.time(b.slot().startsAt)));
        for (OrderLine l : b.order().lines) {
            rows.add(line(regular, 11, MARGIN + 10, true, DriveTexts.quantity(l.quantity) + " "
                    + PreparationLists.unit(l.unit) + "  " + l.productName + "   " + DriveTexts.euros(l.totalCents())));
        }
        rows.add(line(regular, 11, MARGIN + 28, false, "Total : " + DriveTexts.euros(b.order().totalCents)));
        return new Block(rows);
    }

    private Block row(PdfFont font, float size, float x, boolean box, String text) {
        return new Block(List.of(line(font, size, x, box, text)));
    }

    /** One piece of text wrapped to the right margin; after a box to tick, it starts right of the box. */
    private static Row line(PdfFont font, float size, float x, boolean box, String text) {
        return new Row(font, size, x, box, font.lines(text, size, RIGHT - (box ? x + 18 : x)));
    }

    private void print(Block block) throws IOException {
        if (y - block.height() < MARGIN) {
            newPage();
        }
        for (Row row : block.rows()) {
            if (row.box()) {
                page.addRect(row.x(), y - 11, 10, 10);
                page.stroke();
            }
            float x = row.box() ? row.x() + 18 : row.x();
            float top = y;
            for (String line : row.lines()) {
                row.font().show(page, row.size(), x, y - row.size(), line);
                y -= row.size() + 4;
            }
            y = top - row.height();
        }
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(A4);
        document.addPage(p);
        page = new PDPageContentStream(document, p);
        y = A4.getHeight() - MARGIN;
    }

    @Override
    public void close() throws IOException {
        if (page != null) {
            page.close();
        }
        document.close();
    }
}
