package org.policygraph.web.ref;

import org.policygraph.model.SourceRef;

/**
 * One source behind a fact, resolved to its title and address.
 *
 * @param source  the source's id
 * @param title   its title (or name)
 * @param url     its address, or null
 * @param locator the article, section, row or page
 * @param quote   the words relied on, or null
 */
public record Citation(String source, String title, String url, String locator, String quote) {

    /**
     * The citation of a source reference: the source's title and address as the graph holds them, the source's id
     * as its title when the graph has no such source.
     */
    public static Citation of(SourceRef ref, String title, String url) {
        return new Citation(ref.source(), title == null ? ref.source() : title, url, ref.locator(), ref.quote());
    }

    /**
     * The citation of a source reference, the source given by its properties: its title (or name) and url; an empty
     * map when the graph has no such source.
     */
    public static Citation of(SourceRef ref, java.util.Map<String, ?> source) {
        Object title = source.get("title") != null ? source.get("title") : source.get("name");
        return of(ref, title == null ? null : String.valueOf(title), (String) source.get("url"));
    }

    /** The source's page on this site. */
    public String sourcePage() {
        return "/sources/" + source;
    }
}
