package coop.panier.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Members' Markdown is shown as HTML: nothing in it may run in another member's browser. */
class MarkdownTest {

    @Test
    void rawHtmlIsShownAsTextNeverRun() {
        String html = Markdown.html("Bonjour <script>alert('x')</script>\n\n<img src=x onerror=\"alert(1)\">\n\n<div onclick=\"alert(2)\">clic</div>");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<div")
                .contains("&lt;script&gt;").contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    }

    @Test
    void javascriptAndDataLinksLoseTheirAddress() {
        String html = Markdown.html("[piège](javascript:alert(1)) [piège 2](JaVa\tScRiPt:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)"
                + " ![img](javascript:alert(3))");
        assertThat(html).doesNotContainIgnoringCase("javascript").doesNotContain("data:")
                .contains("<a rel=\"noopener noreferrer nofollow\">piège</a>");
    }

    @Test
    void webAndMailLinksStayWithRelNoopener() {
        String html = Markdown.html("Voir [le devis](https://exemple.fr/devis?a=1&b=2) ou [écrire](mailto:appro@coop.example). **Gras**");
        assertThat(html).contains("<a rel=\"noopener noreferrer nofollow\" href=\"https://exemple.fr/devis?a=1&amp;b=2\">le devis</a>")
                .contains("<a rel=\"noopener noreferrer nofollow\" href=\"mailto:appro@coop.example\">écrire</a>")
                .contains("<strong>Gras</strong>");
    }

    @Test
    void eventAttributesCannotBeSmuggledThroughALinkTitle() {
        String html = Markdown.html("[lien](https://exemple.fr \"x\\\" onmouseover=\\\"alert(1)\")");
        assertThat(html).doesNotContain("\" onmouseover=\"");
    }
}
