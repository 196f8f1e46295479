package org.policygraph.web.compare;

import java.util.List;
import org.policygraph.model.applicability.Status;
import org.policygraph.web.ref.Citation;
import org.policygraph.web.ref.EntityRef;
import org.policygraph.web.system.TemplateExtensions;

/** Small builders of cell entries that several comparisons share. */
final class Cells {

    private Cells() {}

    /** One entry per node, named after it and linking to it. */
    static List<Cell> refs(List<EntityRef> refs) {
        return refs.stream()
                .map(r -> new Cell(r.name(), null, r, null, List.of()))
                .toList();
    }

    /** A scalar as the page shows it, or no entry when it is not recorded. */
    static List<Cell> value(Object value, String detail, List<Citation> sources) {
        return value == null ? null : List.of(new Cell(TemplateExtensions.display(value), detail, null, null, sources));
    }

    /** A status in words with a capital, e.g. "Likely falls under"; empty when there is none. */
    static String words(Status status) {
        return status == null ? "" : capitalise(status.words());
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
