package org.policygraph.web.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.policygraph.web.cypher.ConsoleResult;
import org.policygraph.web.cypher.CypherConsole;
import org.policygraph.web.cypher.SavedQueries;
import org.policygraph.web.cypher.SavedQuery;
import org.policygraph.web.system.Params;
import org.policygraph.web.system.WebException;

/**
 * Prepares an export: checks the request, resolves its scope (the whole graph, a neighbourhood, or a saved query's
 * result), reads its shape and licences, and returns a body that streams the elements page by page as it writes.
 * Errors found before streaming are ordinary 400 / 404 answers; nothing is written until the request is known good.
 */
@ApplicationScoped
public class ExportService {

    /** Elements read per query. */
    static final int PAGE = 500;

    private final ExportRepository repository;
    private final CypherConsole console;
    private final SavedQueries saved;

    ExportService(ExportRepository repository, CypherConsole console, SavedQueries saved) {
        this.repository = repository;
        this.console = console;
        this.saved = saved;
    }

    /**
     * A prepared export.
     *
     * @param fileName  the download's file name
     * @param mediaType its media type
     * @param body      the stream that writes it
     */
    public record Export(String fileName, String mediaType, StreamingOutput body) {}

    /**
     * Prepares an export.
     *
     * @param formatName cypher, csv, json or graphml
     * @param root       a node id for a neighbourhood, or null
     * @param depth      the neighbourhood's depth (1 to 3; 1 when absent), or null
     * @param queryId    a saved query id, or null
     * @param parameters the saved query's parameters, as text from the URL
     */
    public Export prepare(
            String formatName, String root, String depth, String queryId, Map<String, String> parameters) {
        ExportFormat format = ExportFormat.byName(formatName)
                .orElseThrow(() -> WebException.badRequest((formatName == null || formatName.isBlank()
                                ? "Give a format"
                                : "The format '" + formatName + "' is unknown")
                        + ": format=" + ExportFormat.names() + "."));
        boolean hasRoot = root != null && !root.isBlank();
        boolean hasQuery = queryId != null && !queryId.isBlank();
        if (hasRoot && hasQuery) {
            throw WebException.badRequest(
                    "Give either root (a node's neighbourhood) or query (a saved query's result), not both.");
        }
        if (!hasRoot && depth != null && !depth.isBlank()) {
            throw WebException.badRequest("depth goes with root: give the node whose neighbourhood to export.");
        }
        ExportScope scope = hasRoot
                ? neighbourhood(root.strip(), depth)
                : hasQuery ? savedResult(queryId.strip(), parameters) : ExportScope.whole();
        GraphShape shape = repository.shape(scope);
        Licences licences = Licences.of(repository.sources(scope));
        GraphSource source = new Paged(scope, shape, licences, repository);
        StreamingOutput body = switch (format) {
            case CYPHER -> out -> CypherScriptWriter.write(source, out);
            case CSV -> out -> CsvZipWriter.write(source, out);
            case JSON -> out -> JsonExportWriter.write(source, out);
            case GRAPHML -> out -> GraphMlWriter.write(source, out);
        };
        return new Export(scope.fileStem() + "." + format.extension(), format.mediaType(), body);
    }

    private ExportScope neighbourhood(String root, String depthText) {
        int depth = 1;
        if (depthText != null && !depthText.isBlank()) {
            depth = Params.wholeNumber("depth", depthText, 1, 3);
        }
        String name = repository
                .nodeName(root)
                .orElseThrow(() -> WebException.notFound("There is no node with the id '" + root + "'."));
        return new ExportScope(
                "the neighbourhood of " + name + " (" + root + ") to depth " + depth,
                "policygraph-" + root + "-depth-" + depth,
                repository.neighbourhood(root, depth),
                null);
    }

    /** The nodes and relationships in a saved query's result (its tabular values are in the console's CSV). */
    private ExportScope savedResult(String queryId, Map<String, String> parameters) {
        SavedQuery query = saved.find(queryId)
                .orElseThrow(() -> WebException.notFound("There is no saved query with the id '" + queryId + "'."));
        ConsoleResult result = console.run(query.query(), query.values(parameters));
        Set<String> nodes = new TreeSet<>();
        Map<String, Set<List<String>>> pairs = new TreeMap<>();
        for (List<Object> row : result.rows()) {
            row.forEach(v -> collect(v, nodes, pairs));
        }
        if (nodes.isEmpty()) {
            throw WebException.badRequest("The saved query '" + queryId + "' returns no nodes or relationships, so "
                    + "there is no graph to export; download its table as CSV from the console instead.");
        }
        Map<String, List<List<String>>> pairLists = new TreeMap<>();
        pairs.forEach((type, set) -> pairLists.put(type, List.copyOf(set)));
        return new ExportScope(
                "the result of the saved query '" + query.name() + "' (" + queryId + ")"
                        + (result.truncated() ? ", truncated" : ""),
                "policygraph-query-" + queryId,
                List.copyOf(nodes),
                pairLists);
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object value, Set<String> nodes, Map<String, Set<List<String>>> pairs) {
        if (value instanceof Map<?, ?> map) {
            Object type = map.get("$type");
            if ("node".equals(type) && map.get("id") != null) {
                nodes.add(String.valueOf(map.get("id")));
                return;
            }
            if ("relationship".equals(type) && map.get("start") != null && map.get("end") != null) {
                String start = String.valueOf(map.get("start"));
                String end = String.valueOf(map.get("end"));
                nodes.add(start);
                nodes.add(end);
                pairs.computeIfAbsent(
                                String.valueOf(map.get("type")),
                                t -> new TreeSet<>((a, b) ->
                                        (a.get(0) + "\u0000" + a.get(1)).compareTo(b.get(0) + "\u0000" + b.get(1))))
                        .add(List.of(start, end));
                return;
            }
            if ("path".equals(type)) {
                ((List<Object>) map.get("nodes")).forEach(v -> collect(v, nodes, pairs));
                ((List<Object>) map.get("relationships")).forEach(v -> collect(v, nodes, pairs));
                return;
            }
            map.values().forEach(v -> collect(v, nodes, pairs));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, nodes, pairs));
        }
    }

    /** Reads an export's elements through the repository, a page at a time. */
    private record Paged(ExportScope scope, GraphShape shape, Licences licences, ExportRepository repository)
            implements GraphSource {

        @Override
        public void nodes(GraphShape.NodeGroup group, Consumer<List<ExportNode>> page) {
            String after = "";
            while (true) {
                List<ExportNode> nodes = repository.nodes(scope, group.labels(), after, PAGE);
                if (nodes.isEmpty()) {
                    return;
                }
                page.accept(nodes);
                after = nodes.get(nodes.size() - 1).id();
            }
        }

        @Override
        public void relationships(GraphShape.RelationshipGroup group, Consumer<List<ExportRelationship>> page) {
            String after = "";
            while (true) {
                List<ExportRelationship> rels = repository.relationships(scope, group.type(), after, PAGE);
                if (rels.isEmpty()) {
                    return;
                }
                page.accept(new ArrayList<>(rels));
                after = rels.get(rels.size() - 1).start();
            }
        }
    }
}
