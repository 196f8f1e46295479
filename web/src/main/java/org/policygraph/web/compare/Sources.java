package org.policygraph.web.compare;

import java.util.List;
import java.util.Map;
import org.policygraph.model.SourceRef;
import org.policygraph.web.ref.Citation;

/** The titles of the sources a comparison cites, and the citations built from them. */
public final class Sources {

    /** A source's title (or name) and address. */
    public record Title(String title, String url) {}

    private final Map<String, Title> titles;

    Sources(Map<String, Title> titles) {
        this.titles = Map.copyOf(titles);
    }

    /** These titles and those of {@code more}. */
    Sources with(Sources more) {
        Map<String, Title> all = new java.util.HashMap<>(titles);
        all.putAll(more.titles);
        return new Sources(all);
    }

    /** A citation for each source reference, with its title and address when the graph has the source. */
    List<Citation> cite(List<SourceRef> refs) {
        return refs.stream()
                .map(ref -> {
                    Title t = titles.get(ref.source());
                    return Citation.of(ref, t == null ? null : t.title(), t == null ? null : t.url());
                })
                .toList();
    }

    /** The citations of those references whose source id starts with {@code prefix} (e.g. one dataset's rows). */
    List<Citation> cite(List<SourceRef> refs, String prefix) {
        return cite(refs.stream().filter(r -> r.source().startsWith(prefix)).toList());
    }
}
