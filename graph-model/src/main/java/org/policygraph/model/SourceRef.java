package org.policygraph.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Where one fact comes from: a source's id, the place in it (article, section, row, page) and, where useful, the
 * words relied on.
 *
 * @param source  the id of a {@link Kind#SOURCE} node
 * @param locator the article, section, row or page inside that source
 * @param quote   the quoted words, or null
 */
public record SourceRef(
        @NotBlank(message = "a source reference needs the id of its source")
        @Pattern(regexp = Ids.SLUG, message = "a source id must be a slug of lower-case letters, digits and dashes")
        String source,

        @NotBlank(message = "a source reference needs a locator: the article, section, row or quote it relies on")
        @Size(max = 500, message = "a locator must be at most 500 characters long")
        String locator,

        @Size(max = 5000, message = "a quote must be at most 5000 characters long")
        String quote) {}
