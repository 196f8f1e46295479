package org.policygraph.web.cypher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What the console page shows.
 *
 * @param query       the query in the editor
 * @param parameters  the parameters in the editor, as JSON
 * @param saved       the saved query the editor holds, or null
 * @param values      the parameter values the query ran with (empty before a run)
 * @param permalink   a URL that runs the same query again, or null (before a run, or when too long for a URL)
 * @param result      the result, or null
 * @param error       why the query was refused or failed, or null
 * @param errorLine   the text of the query line the error points at, or null
 * @param errorColumn the column the error points at, or 0
 * @param library     every saved query
 * @param limits      the console's limits
 */
public record ConsolePage(
        String query,
        String parameters,
        SavedQuery saved,
        Map<String, Object> values,
        String permalink,
        ConsoleResult result,
        QueryException error,
        String errorLine,
        int errorColumn,
        List<SavedQuery> library,
        ConsoleConfig limits) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Spaces up to the error's column, to put a caret under it. */
    public String caretIndent() {
        return errorColumn <= 1 ? "" : " ".repeat(errorColumn - 1);
    }

    /** What the editor completes (labels, relationship types, property keys, parameters), as JSON. */
    public String editorSchema() {
        return EditorSchema.of(library).json();
    }

    /** Whether the result holds nodes or relationships to draw. */
    public boolean hasGraph() {
        return result != null && !result.graph().isEmpty();
    }

    /** Whether the result holds nodes with ids, which an export of a saved query's result can hold. */
    public boolean exportable() {
        return hasGraph() && result.graph().nodes().stream().anyMatch(n -> n.url() != null);
    }

    /** The result's graph as JSON, for the drawing (the template escapes it into an attribute). */
    public String graphJson() {
        try {
            return result == null ? "{}" : JSON.writeValueAsString(result.graph());
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    /** The value a saved query's parameter has on this page, as text for its input. */
    public String valueOf(String parameter) {
        Object v = values.get(parameter);
        return v == null ? "" : String.valueOf(v);
    }

    /** The query string of an export of the saved query's result, e.g. {@code query=ID&param.x=1}. */
    public String exportQuery() {
        StringBuilder sb = new StringBuilder("query=").append(encode(saved == null ? "" : saved.id()));
        values.forEach(
                (k, v) -> sb.append("&param.").append(encode(k)).append('=').append(encode(String.valueOf(v))));
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
