package org.policygraph.web.cypher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.policygraph.web.system.WebException;

/**
 * {@code /cypher}: the console page. A form POST runs the query and renders the result on the server, so the page
 * works without JavaScript; with it, the result's nodes and relationships are also drawn. {@code GET} with
 * {@code saved=ID} (and {@code param.NAME=value}) or with {@code query=} runs a permalinked query.
 */
@Path("/cypher")
@Produces(MediaType.TEXT_HTML)
public class CypherPageResource {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int LONGEST_PERMALINK = 4000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance console(ConsolePage page);
    }

    private final CypherConsole console;
    private final SavedQueries saved;

    CypherPageResource(CypherConsole console, SavedQueries saved) {
        this.console = console;
        this.saved = saved;
    }

    @GET
    @Operation(hidden = true)
    public Response page(@Context UriInfo uri) {
        var params = uri.getQueryParameters();
        String savedId = params.getFirst("saved");
        if (savedId != null && !savedId.isBlank()) {
            SavedQuery q = saved.find(savedId)
                    .orElseThrow(() -> WebException.notFound("There is no saved query with the id '" + savedId + "'."));
            Map<String, String> given = new LinkedHashMap<>();
            params.forEach((k, v) -> {
                if (k.startsWith("param.") && !v.isEmpty()) {
                    given.put(k.substring("param.".length()), v.get(0));
                }
            });
            Map<String, Object> values = q.values(given);
            return run(q.query(), json(values), values, q, q.permalink(values));
        }
        String query = params.getFirst("query");
        if (query != null && !query.isBlank()) {
            String parameters = params.getFirst("parameters");
            return runText(query, parameters == null ? "{}" : parameters, null);
        }
        return Response.ok(Templates.console(new ConsolePage(
                        "", "{}", null, Map.of(), null, null, null, null, 0, saved.all(), console.limits())))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submit(
            @FormParam("query") String query,
            @FormParam("parameters") String parameters,
            @FormParam("saved") String savedId) {
        return runText(
                query == null ? "" : query, parameters == null || parameters.isBlank() ? "{}" : parameters, savedId);
    }

    @POST
    @Path("result.csv")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(CypherApiResource.TEXT_CSV)
    @Operation(hidden = true)
    public Response csv(@FormParam("query") String query, @FormParam("parameters") String parameters) {
        Map<String, Object> values = parse(parameters == null || parameters.isBlank() ? "{}" : parameters);
        ConsoleResult result = console.run(query, values);
        return Response.ok(ResultCsv.of(result), CypherApiResource.TEXT_CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"policygraph-query.csv\"")
                .build();
    }

    private Response runText(String query, String parameters, String savedId) {
        SavedQuery q = saved.find(savedId)
                .filter(s -> s.query().strip().equals(query.strip()))
                .orElse(null);
        Map<String, Object> values;
        try {
            values = parse(parameters);
        } catch (QueryException e) {
            return page(query, parameters, q, Map.of(), null, null, e);
        }
        String permalink = q != null ? q.permalink(values) : adHocPermalink(query, parameters);
        return run(query, parameters, values, q, permalink);
    }

    private Response run(String query, String parameters, Map<String, Object> values, SavedQuery q, String permalink) {
        try {
            return page(query, parameters, q, values, permalink, console.run(query, values), null);
        } catch (QueryException e) {
            return page(query, parameters, q, values, permalink, null, e);
        }
    }

    private Response page(
            String query,
            String parameters,
            SavedQuery q,
            Map<String, Object> values,
            String permalink,
            ConsoleResult result,
            QueryException error) {
        String errorLine = null;
        int errorColumn = 0;
        if (error != null && error.line() != null) {
            List<String> lines = query.lines().toList();
            if (error.line() >= 1 && error.line() <= lines.size()) {
                errorLine = lines.get(error.line() - 1);
                errorColumn = error.column();
            }
        }
        return Response.status(error == null ? 200 : error.status())
                .entity(Templates.console(new ConsolePage(
                        query,
                        parameters,
                        q,
                        values,
                        permalink,
                        result,
                        error,
                        errorLine,
                        errorColumn,
                        saved.all(),
                        console.limits())))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    /** The parameters editor's JSON; an error names its line and column. */
    static Map<String, Object> parse(String parameters) {
        try {
            Map<String, Object> values =
                    JSON.readValue(parameters, new TypeReference<LinkedHashMap<String, Object>>() {});
            return values == null ? Map.of() : values;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw QueryException.syntax(
                    "The parameters must be a JSON object such as {\"threshold\": 1e25}; "
                            + "at line " + (at == null ? 1 : at.getLineNr()) + ", column "
                            + (at == null ? 1 : at.getColumnNr())
                            + " of the parameters: "
                            + (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException
                                    ? "they are not a JSON object" // Jackson's words here name the Java types it maps
                                    // to
                                    : e.getOriginalMessage())
                            + ".",
                    null,
                    null);
        }
    }

    private static String json(Map<String, Object> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    private static String adHocPermalink(String query, String parameters) {
        String url = "/cypher?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (parameters.strip().equals("{}")
                        ? ""
                        : "&parameters=" + URLEncoder.encode(parameters, StandardCharsets.UTF_8));
        return url.length() > LONGEST_PERMALINK ? null : url;
    }
}
