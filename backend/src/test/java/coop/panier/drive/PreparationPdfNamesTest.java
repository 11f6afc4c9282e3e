package coop.panier.drive;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.drive.DriveFixtures.order;
import static coop.panier.drive.DriveFixtures.product;
import static coop.panier.drive.DriveFixtures.slot;
import static coop.panier.testsupport.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Members come from everywhere: every name prints on the preparation list, none breaks it. */
@QuarkusTest
class PreparationPdfNamesTest extends ApiTest {

    private static final String LONG_PRODUCT = "Confiture extra de figues violettes de Solliès et d'abricots"
            + " bergeron du Roussillon, cuite au chaudron de cuivre";
    private static final String LONG_LAST_NAME = "de La Tour d'Auvergne-Lauraguais-Montmorency-Saint-Exupéry"
            + "-Villeneuve-Bargemon";

    @Inject
    MembershipScaleRepository scales;

    private String slot;

    @BeforeEach
    void basketsFromEverywhere() {
        TestScales.ensureOneInForceToday(scales);
        String honey = product("Miel d'acacia", 900, 1, 50);
        String jam = product(LONG_PRODUCT, 650, 1, 50);
        slot = slot(20, 25);
        for (String[] name : new String[][] {
                {"Łukasz", "Nguyễn"}, {"Αλέξανδρος", "Παπαδόπουλος"}, {"Наталья", "Ковальчук"},
                {"فاطمة", "الزهراء"}, {"Zoé 😀", "Sunflower 🌻"}, {"Marie-Héloïse", LONG_LAST_NAME}}) {
            String token = activeMember(new TestPerson(UUID.randomUUID().toString(),
                    "m." + UUID.randomUUID().toString().substring(0, 8) + "@panier.example", name[0], name[1]));
            api(token).contentType(ContentType.JSON).body(order(slot, honey, 1, jam, 2)).post("/api/v1/orders")
                    .then().statusCode(201);
        }
    }

    @Test
    void everyNamePrintsAndLongTextsWrapInsideThePage() throws Exception {
        byte[] pdf = api(admin()).accept("application/pdf").get("/api/v1/pickup-slots/" + slot + "/preparation-list")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Łukasz Nguyễn", "Αλέξανδρος Παπαδόπουλος", "Наталья Ковальчук",
                    "فاطمة", "الزهراء", "Zoé 😀", "Sunflower \uFFFD");
            assertThat(text.replaceAll("\\s+", " ")).contains(LONG_PRODUCT, "Marie-Héloïse de La Tour")
                    .containsPattern("Auvergne-\\s?Lauraguais-\\s?Montmorency-\\s?Saint-\\s?Exupéry-\\s?Villeneuve-"
                            + "\\s?Bargemon");
            assertThat(widestLine(document)).isLessThanOrEqualTo(document.getPage(0).getMediaBox().getWidth() - 50);
        }
        assertThat(pdf.length).as("the fonts are embedded as subsets").isLessThan(200_000);
    }

    /** The right edge of the rightmost character on any page. */
    private static float widestLine(PDDocument document) throws Exception {
        float[] right = {0};
        PDFTextStripper edges = new PDFTextStripper() {
            @Override
            protected void processTextPosition(org.apache.pdfbox.text.TextPosition p) {
                right[0] = Math.max(right[0], p.getXDirAdj() + p.getWidthDirAdj());
                super.processTextPosition(p);
            }
        };
        edges.getText(document);
        return right[0];
    }
}
