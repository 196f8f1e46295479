package org.policygraph.web.compare;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.policygraph.web.system.WebException;

/**
 * {@code GET /api/compare/{regulations|organisations|models}?ids=...}: a comparison as JSON, or as CSV with
 * {@code format=csv} (or {@code Accept: text/csv}), sources in every cell; and {@code /api/compare/threshold}.
 */
@Path("/api/compare")
@Tag(name = "Comparisons")
public class CompareApiResource {

    private final RegulationComparison regulations;
    private final OrganisationComparison organisations;
    private final ModelComparison models;
    private final ThresholdComparison whatIf;

    CompareApiResource(
            RegulationComparison regulations,
            OrganisationComparison organisations,
            ModelComparison models,
            ThresholdComparison whatIf) {
        this.regulations = regulations;
        this.organisations = organisations;
        this.models = models;
        this.whatIf = whatIf;
    }

    @Operation(
            summary = "Compare regulations, organisations or models side by side",
            description = "ids: the ids to compare, comma-separated (at most 8; the essay's defaults when none). "
                    + "threshold (models only, repeatable): TIER:FLOP re-runs a rule as a what-if. as-of=YYYY-MM-DD (default "
                    + "today): the dates, and whether each rule reaching an organisation or model applied, on that day. format=csv gives CSV "
                    + "(also with Accept: text/csv), one line per entry with its sources.")
    @APIResponse(
            responseCode = "200",
            description = "The comparison: columns, and rows with a cell per column.",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        examples = @ExampleObject(name = "regulations", value = """
                    {"what": "regulations", "title": "Regulations side by side",
                     "columns": [{"id": "ca-sb-53", "kind": "Regulation", "name": "Transparency in Frontier Artificial Intelligence Act", "url": "/regulations/ca-sb-53"}],
                     "rows": [{"key": "incident-reporting", "heading": "Incident reporting (deadline, recipient)",
                               "cells": {"ca-sb-53": [{"text": "SB 53: report critical safety incidents within 15 days",
                                 "detail": "for developer; deadline: within 15 days of discovering the incident; to: California Office of Emergency Services",
                                 "ref": {"id": "ca-sb-53-critical-safety-incident-reporting", "kind": "Obligation"},
                                 "provision": {"id": "ca-sb-53-bpc-22757-13", "kind": "Provision"},
                                 "sources": [{"source": "ca-leginfo-sb-53", "locator": "Business and Professions Code 22757.13(c)(1)"}]}]}}],
                     "empty": "No provision found", "whatIf": {}, "notes": []}""")),
                @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = """
                            row,row_heading,column_id,column_name,entry,detail,entry_id,provision_id,sources
                            incident-reporting,"Incident reporting (deadline, recipient)",cn-generative-ai-measures,Interim Measures,No provision found,,,,"""))
            })
    @APIResponse(responseCode = "404", description = "An id names nothing of that kind.")
    @GET
    @Path("{what: regulations|organisations|models}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response compare(
            @PathParam("what") String what,
            @QueryParam("ids") List<String> ids,
            @QueryParam("threshold") List<String> thresholds,
            @QueryParam("format") @DefaultValue("") String format,
            @QueryParam("as-of") String asOf,
            @jakarta.ws.rs.core.Context HttpHeaders headers) {
        org.policygraph.web.asof.AsOf day = org.policygraph.web.asof.AsOf.parse(asOf, null);
        Comparison c = switch (what) {
            case "regulations" -> regulations.compare(Selection.ids(ids, RegulationComparison.DEFAULTS), day);
            case "organisations" -> organisations.compare(Selection.ids(ids, OrganisationComparison.DEFAULTS), day);
            default -> models.compare(Selection.ids(ids, ModelComparison.DEFAULTS), thresholds, day);
        };
        boolean csv = format.equalsIgnoreCase("csv")
                || (format.isEmpty()
                        && headers.getAcceptableMediaTypes().stream()
                                .anyMatch(m -> m.isCompatible(MediaType.valueOf("text/csv")) && !m.isWildcardType()));
        if (!format.isEmpty() && !csv && !format.equalsIgnoreCase("json")) {
            throw WebException.badRequest("The format parameter must be csv or json, not '" + format + "'.");
        }
        if (csv) {
            return Response.ok(ComparisonCsv.write(c), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"policygraph-compare-" + what + ".csv\"")
                    .build();
        }
        return Response.ok(c, MediaType.APPLICATION_JSON_TYPE)
                .header(
                        "Content-Disposition",
                        format.isEmpty() ? null : "attachment; filename=\"policygraph-compare-" + what + ".json\"")
                .build();
    }

    @Operation(
            summary = "Who would move in or out of a compute threshold",
            description =
                    "tier: a model tier with a compute threshold; threshold: the FLOP to try (default: the law's).")
    @APIResponse(
            responseCode = "200",
            description = "Models in at the tried threshold, and who would move in or out.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "what-if", value = """
                    {"tierId": "eu-ai-act-gpai-systemic-risk", "stated": 1.0e25, "threshold": 3.0e25,
                     "movingOut": [{"model": {"id": "gpt-4", "name": "GPT-4"}, "compute": 2.1e25,
                                    "reason": "GPT-4 was trained with 2.1e25 FLOP (confidence: Likely), not more than the 3e25 FLOP threshold (Article 51(2))."}],
                     "movingIn": [], "unknown": 312}""")))
    @GET
    @Path("threshold")
    @Produces(MediaType.APPLICATION_JSON)
    public WhatIf threshold(@QueryParam("tier") String tier, @QueryParam("threshold") String threshold) {
        if (tier == null || tier.isBlank()) {
            throw WebException.badRequest(
                    "Say which tier with the tier parameter, e.g. tier=" + ThresholdComparison.DEFAULT_TIER + ".");
        }
        return whatIf.whatIf(tier, threshold);
    }
}
