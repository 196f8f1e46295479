package org.policygraph.web.entity;

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

    /** The source's page on this site. */
    public String sourcePage() {
        return "/sources/" + source;
    }
}
