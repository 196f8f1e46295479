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
import org.policygraph.web.system.WebException;

import java.util.List;

/**
 * {@code GET /api/compare/{regulations|organisations|models}?ids=...}: a comparison as JSON, or as CSV with
 * {@code format=csv} (or {@code Accept: text/csv}), sources in every cell; and {@code /api/compare/threshold}.
 */
@Path("/api/compare")
public class CompareApiResource {

    private final CompareService service;

    CompareApiResource(CompareService service) {
        this.service = service;
    }

    @GET
    @Path("{what: regulations|organisations|models}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response compare(@PathParam("what") String what, @QueryParam("ids") List<String> ids,
                            @QueryParam("threshold") List<String> thresholds,
                            @QueryParam("format") @DefaultValue("") String format,
                            @jakarta.ws.rs.core.Context HttpHeaders headers) {
        Comparison c = switch (what) {
            case "regulations" -> service.regulations(CompareService.ids(ids, CompareService.DEFAULT_REGULATIONS));
            case "organisations" -> service.organisations(CompareService.ids(ids, CompareService.DEFAULT_ORGANISATIONS));
            default -> service.models(CompareService.ids(ids, CompareService.DEFAULT_MODELS), thresholds);
        };
        boolean csv = format.equalsIgnoreCase("csv") || (format.isEmpty()
                && headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.isCompatible(MediaType.valueOf("text/csv"))
                && !m.isWildcardType()));
        if (!format.isEmpty() && !csv && !format.equalsIgnoreCase("json")) {
            throw WebException.badRequest("The format parameter must be csv or json, not '" + format + "'.");
        }
        if (csv) {
            return Response.ok(ComparisonCsv.write(c), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"policygraph-compare-" + what + ".csv\"").build();
        }
        return Response.ok(c, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", format.isEmpty() ? null : "attachment; filename=\"policygraph-compare-" + what + ".json\"")
                .build();
    }

    @GET
    @Path("threshold")
    @Produces(MediaType.APPLICATION_JSON)
    public WhatIf threshold(@QueryParam("tier") String tier, @QueryParam("threshold") String threshold) {
        if (tier == null || tier.isBlank()) {
            throw WebException.badRequest("Say which tier with the tier parameter, e.g. tier=eu-ai-act-gpai-systemic-risk.");
        }
        return service.whatIf(tier, threshold);
    }
}
