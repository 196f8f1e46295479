package org.policygraph.web.paths;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.policygraph.model.RelType;
import org.policygraph.web.system.Params;
import org.policygraph.web.system.WebException;

/** A path search as the URL holds it, checked: ends, maximum length (1 to 8), excluded types and nodes. */
public record PathQuery(String from, String to, int max, List<String> excludeTypes, List<String> excludeNodes) {

    public static final int DEFAULT_MAX = 4;
    public static final int LIMIT = 10;

    static PathQuery parse(String from, String to, String max, List<String> excludeTypes, List<String> excludeNodes) {
        int length = DEFAULT_MAX;
        if (max != null && !max.isBlank()) {
            length = Params.wholeNumber("max", max, 1, 8);
        }
        List<String> types = clean(excludeTypes);
        for (String t : types) {
            if (RelType.byName(t).isEmpty()) {
                throw WebException.badRequest("'" + t + "' in exclude-type is not a relationship type.");
            }
        }
        return new PathQuery(blankToNull(from), blankToNull(to), length, types, clean(excludeNodes));
    }

    boolean complete() {
        return from != null && to != null;
    }

    /** This search with one more node excluded. */
    public String excluding(String nodeId) {
        List<String> nodes = new ArrayList<>(excludeNodes);
        nodes.add(nodeId);
        return new PathQuery(from, to, max, excludeTypes, nodes).url();
    }

    /** This search with one more relationship type excluded. */
    public String excludingType(String type) {
        List<String> types = new ArrayList<>(excludeTypes);
        types.add(type);
        return new PathQuery(from, to, max, types, excludeNodes).url();
    }

    /** This search without a given exclusion. */
    public String including(String nodeOrType) {
        List<String> types = new ArrayList<>(excludeTypes);
        List<String> nodes = new ArrayList<>(excludeNodes);
        types.remove(nodeOrType);
        nodes.remove(nodeOrType);
        return new PathQuery(from, to, max, types, nodes).url();
    }

    /** The URL of this search. */
    public String url() {
        StringBuilder sb = new StringBuilder("/paths?from=")
                .append(enc(from))
                .append("&to=")
                .append(enc(to));
        if (max != DEFAULT_MAX) {
            sb.append("&max=").append(max);
        }
        excludeTypes.forEach(t -> sb.append("&exclude-type=").append(enc(t)));
        excludeNodes.forEach(n -> sb.append("&exclude-node=").append(enc(n)));
        return sb.toString();
    }

    private static List<String> clean(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String enc(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
