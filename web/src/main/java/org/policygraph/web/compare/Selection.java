package org.policygraph.web.compare;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.policygraph.web.ref.EntityRef;
import org.policygraph.web.system.WebException;

/** What a comparison compares: the ids in the URL, at most {@link #MAX_COLUMNS}, each of which must exist. */
final class Selection {

    static final int MAX_COLUMNS = 8;

    private Selection() {}

    /** The ids chosen, from {@code ids=a,b} or repeated {@code ids}, or the defaults when none are chosen. */
    static List<String> ids(List<String> params, List<String> defaults) {
        Set<String> ids = new LinkedHashSet<>();
        if (params != null) {
            for (String p : params) {
                if (p == null) {
                    continue;
                }
                for (String id : p.split("[,\\s]+")) {
                    if (!id.isBlank()) {
                        ids.add(id.strip());
                    }
                }
            }
        }
        if (ids.isEmpty()) {
            return defaults;
        }
        if (ids.size() > MAX_COLUMNS) {
            throw WebException.badRequest(
                    "Compare at most " + MAX_COLUMNS + " at a time; " + ids.size() + " were chosen.");
        }
        return List.copyOf(ids);
    }

    /**
     * Fails with a 404 when nothing asked was found ("None of a, b is a model.") or when some of it was not ("There
     * is no model with the id 'x'").
     *
     * @param kind the kind in words, with its article for the first message, e.g. "a model", "an organisation"
     */
    static void check(List<String> ids, List<EntityRef> found, String kind) {
        if (found.isEmpty()) {
            throw WebException.notFound("None of " + String.join(", ", ids) + " is " + kind + ".");
        }
        if (found.size() < ids.size()) {
            List<String> absent = ids.stream()
                    .filter(id -> found.stream().noneMatch(f -> f.id().equals(id)))
                    .toList();
            throw WebException.notFound("There is no " + kind.substring(kind.indexOf(' ') + 1) + " with the id "
                    + String.join(", ", absent.stream().map(a -> "'" + a + "'").toList())
                    + "; use the picker to choose one.");
        }
    }
}
