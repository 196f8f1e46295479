package org.policygraph.web.cypher;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policygraph.web.system.ErrorMapper;
import org.policygraph.web.system.Problem;

/** {@code POST /api/cypher}: a read-only query as JSON or CSV; {@code GET /api/cypher/saved}: the saved queries. */
@Path("/api/cypher")
@Tag(name = "Cypher console", description = "Read-only Cypher queries with a timeout, a row cap and a concurrency cap.")
public class CypherApiResource {

    /** The media type of CSV results. */
    static final String TEXT_CSV = "text/csv";

    private static final String RESULT_EXAMPLE = """
            {"columns": ["model", "flop"], "rows": [["GPT-5", 6.6e25], ["Gemini 1.0 Ultra", 5.0e25]],
             "truncated": false, "elapsedMs": 12}""";
    private static final String REFUSED_EXAMPLE = """
            {"type": "about:blank", "title": "Query refused", "status": 400,
             "detail": "The console is read-only: CREATE writes to the database.", "instance": "/api/cypher",
             "line": 1, "column": 1}""";

    private final CypherConsole console;
    private final SavedQueries saved;

    CypherApiResource(CypherConsole console, SavedQueries saved) {
        this.console = console;
        this.saved = saved;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @Operation(
            summary = "Run a read-only Cypher query",
            description =
                    "Runs the query in a read transaction after checking its tokens and its plan: writes, LOAD CSV, "
                            + "USE, CALL { } IN TRANSACTIONS, administration commands, procedures off the allow list (db.labels, "
                            + "db.relationshipTypes, db.propertyKeys, db.index.fulltext.queryNodes, db.schema.visualization) and "
                            + "functions that are not built in are refused with 400 and the reason. The server stops a query "
                            + "after the console's timeout (5 s by default); at most 1000 rows are returned (truncated is then "
                            + "true); over the cap on concurrent queries the answer is 429. Ask for text/csv to get the rows as CSV.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CypherRequest.class),
                            examples = @ExampleObject(name = "models above 10^25 FLOP", value = """
                    {"query": "MATCH (m:Model) WHERE m.training_compute_flop >= $threshold RETURN m.name AS model, m.training_compute_flop AS flop ORDER BY flop DESC",
                     "parameters": {"threshold": 1e25}}""")))
    @APIResponse(
            responseCode = "200",
            description = "The result: columns, rows, truncated, elapsedMs; or CSV.",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ConsoleResult.class),
                        examples = @ExampleObject(name = "result", value = RESULT_EXAMPLE)),
                @Content(
                        mediaType = TEXT_CSV,
                        examples =
                                @ExampleObject(
                                        name = "csv",
                                        value = "model,flop\r\nGPT-5,6.6E25\r\nGemini 1.0 Ultra,5.0E25\r\n"))
            })
    @APIResponse(
            responseCode = "400",
            description = "The query was refused, has an error (with line and column), or timed out.",
            content =
                    @Content(
                            mediaType = ErrorMapper.PROBLEM_JSON,
                            schema = @Schema(implementation = QueryProblem.class),
                            examples = @ExampleObject(name = "refused", value = REFUSED_EXAMPLE)))
    @APIResponse(
            responseCode = "429",
            description = "Too many console queries run at once; try again in a moment.",
            content = @Content(mediaType = ErrorMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response run(CypherRequest request, @Context HttpHeaders headers) {
        if (request == null) {
            throw QueryException.syntax(
                    "Send a JSON body such as {\"query\": \"MATCH (n:Regulation) RETURN n.name\"}.", null, null);
        }
        ConsoleResult result = console.run(request.query(), request.parameters());
        if (wantsCsv(headers.getAcceptableMediaTypes())) {
            return Response.ok(ResultCsv.of(result), TEXT_CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"policygraph-query.csv\"")
                    .build();
        }
        return Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** CSV only when the client names it before (or instead of) JSON. */
    static boolean wantsCsv(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
        }
        return false;
    }

    /**
     * A saved query in the API.
     *
     * @param id          its id
     * @param name        its title
     * @param description what it answers
     * @param query       the Cypher text
     * @param parameters  the parameters with their defaults
     * @param url         its permalink on the console page
     */
    public record SavedQueryJson(
            String id,
            String name,
            String description,
            String query,
            List<SavedQuery.Parameter> parameters,
            String url) {}

    @GET
    @Path("saved")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "List the saved queries",
            description =
                    "The library of saved queries shown on /cypher, each with its parameters and defaults and "
                            + "its permalink; run one with POST /api/cypher or export its result with GET /api/export?query=ID.")
    @APIResponse(
            responseCode = "200",
            description = "The saved queries.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "saved", value = """
                    [{"id": "endorsements", "name": "Who endorsed or opposed which regulation",
                      "description": "Every organisation or person recorded as endorsing or opposing a regulation ...",
                      "query": "MATCH (who)-[e:ENDORSED|OPPOSED]->(regulation:Regulation) ...",
                      "parameters": [{"name": "regulation", "description": "a regulation id such as ca-sb-53, or empty for all regulations",
                                      "type": "string", "defaultValue": ""}],
                      "url": "/cypher?saved=endorsements"}]""")))
    public List<SavedQueryJson> saved() {
        return saved.all().stream()
                .map(q -> new SavedQueryJson(q.id(), q.name(), q.description(), q.query(), q.parameters(), q.url()))
                .toList();
    }
}
