package org.policygraph.web.export;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policygraph.web.system.ErrorMapper;
import org.policygraph.web.system.Problem;

/** {@code GET /api/export}: the graph, a neighbourhood or a saved query's result as Cypher, CSV, JSON or GraphML. */
@Path("/api/export")
@Tag(
        name = "Exports",
        description = "The graph or a part of it in four formats, streamed, with the licences of its data.")
public class ExportApiResource {

    private final ExportService service;

    ExportApiResource(ExportService service) {
        this.service = service;
    }

    @GET
    @Produces({"text/plain", "application/zip", "application/json", "application/graphml+xml", ErrorMapper.PROBLEM_JSON
    })
    @Operation(
            summary = "Export the graph, a neighbourhood or a saved query's result",
            description =
                    "Without root or query: the whole graph. With root (a node id) and depth (1 to 3, default 1): "
                            + "the nodes within depth hops of it and the relationships between them. With query (a saved query id, "
                            + "see GET /api/cypher/saved) and param.NAME=value: the nodes and relationships in its result. "
                            + "Formats: cypher (a script for cypher-shell: constraints, then batched UNWIND ... MERGE), csv (a zip in "
                            + "the neo4j-admin import format, with IMPORT.txt and LICENSES.txt), json ({export, licences, nodes, "
                            + "relationships}) and graphml (for Gephi, yEd, NetworkX). Every export carries the licences and "
                            + "attributions of its data.")
    @APIResponse(
            responseCode = "200",
            description = "The export, as an attachment.",
            content = {
                @Content(mediaType = "text/plain", examples = @ExampleObject(name = "cypher", value = """
                    // PolicyGraph export: the whole graph (292 nodes, 457 relationships).
                    CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
                    UNWIND [
                      {id: 'eu-ai-act', props: {`id`: 'eu-ai-act', `name`: 'EU Artificial Intelligence Act'}}
                    ] AS row
                    MERGE (n:`Regulation` {id: row.id})
                    SET n += row.props, n:`Entity`;""")),
                @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "application/json", examples = @ExampleObject(name = "json", value = """
                    {"export": {"scope": "the neighbourhood of Anthropic (anthropic) to depth 1", "nodes": 12, "relationships": 14},
                     "licences": {"statement": "PolicyGraph data: ...", "sources": [{"id": "epoch-ai-models", "title": "Data on AI Models", "publisher": "Epoch AI", "url": "https://epoch.ai/data/ai-models", "licence": "CC BY 4.0"}]},
                     "nodes": [{"id": "anthropic", "labels": ["Organisation", "Entity"], "properties": {"id": "anthropic", "name": "Anthropic"}}],
                     "relationships": [{"type": "DEVELOPS", "start": "anthropic", "end": "claude", "properties": {"sources": ["epoch-ai-models"]}}]}""")),
                @Content(mediaType = "application/graphml+xml", schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "400",
            description = "An unknown format, a depth outside 1 to 3, root and query together, "
                    + "or a saved query whose result holds no nodes.",
            content =
                    @Content(
                            mediaType = ErrorMapper.PROBLEM_JSON,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "bad format", value = """
                    {"type": "about:blank", "title": "Bad request", "status": 400,
                     "detail": "The format 'xls' is unknown: format=cypher, csv, json or graphml.", "instance": "/api/export"}""")))
    @APIResponse(
            responseCode = "404",
            description = "No node with the root id, or no saved query with the id.",
            content = @Content(mediaType = ErrorMapper.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response export(
            @Parameter(description = "cypher, csv, json or graphml", required = true, example = "graphml")
                    @QueryParam("format")
                    String format,
            @Parameter(description = "The id of the node whose neighbourhood to export", example = "anthropic")
                    @QueryParam("root")
                    String root,
            @Parameter(description = "How many hops from root, 1 to 3 (default 1)", example = "2") @QueryParam("depth")
                    String depth,
            @Parameter(description = "The id of a saved query whose result to export", example = "endorsements")
                    @QueryParam("query")
                    String query,
            @Context UriInfo uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> {
            if (k.startsWith("param.") && !v.isEmpty()) {
                parameters.put(k.substring("param.".length()), v.get(0));
            }
        });
        ExportService.Export export = service.prepare(format, root, depth, query, parameters);
        return Response.ok(export.body(), export.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                .build();
    }
}
