package coop.panier.drive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The printable preparation list: A4, in French, the totals by product first, then one block
 * per basket with a box to tick for each line, never split across two pages.
 */
final class PreparationPdf implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float LINE = 16;
    private static final PDRectangle A4 = PDRectangle.A4;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream page;
    private float y;

    private PreparationPdf() {
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
        text(bold, 16, MARGIN, "Liste de préparation");
        text(regular, 12, MARGIN, list.title());
        y -= LINE / 2;
        if (list.byMember().isEmpty()) {
            text(regular, 11, MARGIN, "Aucune commande à préparer.");
        } else {
            text(bold, 13, MARGIN, "Par produit");
            for (PreparationLists.ProductTotal t : list.byProduct()) {
                room(LINE);
                box(MARGIN);
                text(regular, 11, MARGIN + 18, DriveTexts.quantity(t.quantity()) + " " + PreparationLists.unit(t.unit())
                        + "  " + t.productName() + "  (" + t.orders() + (t.orders() > 1 ? " paniers)" : " panier)"));
            }
            y -= LINE;
            text(bold, 13, MARGIN, "Par adhérent");
            for (PreparationLists.Basket b : list.byMember()) {
                room(LINE * (b.order().lines.size() + 3));
                y -= LINE / 2;
                text(bold, 12, MARGIN, b.member().memberNumber + "  " + b.member().firstName + " " + b.member().lastName
                        + "  ·  commande n° " + b.order().number + "  ·  " + DriveTexts.time(b.slot().startsAt));
                for (OrderLine line : b.order().lines) {
                    box(MARGIN + 10);
                    text(regular, 11, MARGIN + 28, DriveTexts.quantity(line.quantity) + " "
                            + PreparationLists.unit(line.unit) + "  " + line.productName + "   "
                            + DriveTexts.euros(line.totalCents()));
                }
                text(regular, 11, MARGIN + 28, "Total : " + DriveTexts.euros(b.order().totalCents));
            }
        }
        page.close();
        page = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    /** Starts a new page unless `height` still fits on this one. */
    private void room(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
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

    private void text(PDType1Font font, float size, float x, String text) throws IOException {
        room(LINE);
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y - size);
        page.showText(printable(text));
        page.endText();
        y -= LINE + (size > 12 ? 4 : 0);
    }

    /** A square to tick, on the line about to be written. */
    private void box(float x) throws IOException {
        page.addRect(x, y - 11, 10, 10);
        page.stroke();
    }

    /** The standard PDF fonts lack the narrow spaces of French number formats. */
    private static String printable(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ').replace('–', '-');
    }

    @Override
    public void close() throws IOException {
        if (page != null) {
            page.close();
        }
        document.close();
    }
}
