package coop.panier.governance;

import java.util.Locale;
import java.util.Set;

import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Members' Markdown (proposals, counter-proposals, notes) rendered to HTML that is safe to show
 * as is: raw HTML is escaped (so no `<script>`, no event attribute can come through), links and
 * images keep only http, https (and mailto for links) addresses, and every link opens without
 * giving the page away (`rel="noopener noreferrer nofollow"`).
 */
public final class Markdown {

    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");

    private static final Parser PARSER = Parser.builder().build();

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new UrlSanitizer() {
                @Override
                public String sanitizeLinkUrl(String url) {
                    return allowed(url, LINK_SCHEMES) ? url : "";
                }

                @Override
                public String sanitizeImageUrl(String url) {
                    return allowed(url, IMAGE_SCHEMES) ? url : "";
                }
            })
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    if ("".equals(attributes.get("href"))) {
                        // An address refused: the words stay, as text that leads nowhere.
                        attributes.remove("href");
                    }
                    attributes.put("rel", "noopener noreferrer nofollow");
                }
            })
            .build();

    private Markdown() {
    }

    public static String html(String markdown) {
        return markdown == null ? null : RENDERER.render(PARSER.parse(markdown));
    }

    /** An absolute address with one of the schemes; relative ones and every other scheme are dropped. */
    static boolean allowed(String url, Set<String> schemes) {
        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"): so do we.
        String plain = url.replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
        int colon = plain.indexOf(':');
        return colon > 0 && schemes.contains(plain.substring(0, colon));
    }
}
