package org.policygraph.web.compare;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.policygraph.web.asof.AsOf;

/** The comparison pages; the selection is in the URL, so every comparison is a permalink. */
@Path("/compare")
@Produces(MediaType.TEXT_HTML)
public class ComparePageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<String> regulations, List<String> organisations, List<String> models);

        static native TemplateInstance comparison(
                Comparison comparison, String ids, String query, String kind, String asOf);

        static native TemplateInstance threshold(WhatIf whatIf);
    }

    private final RegulationComparison regulations;
    private final OrganisationComparison organisations;
    private final ModelComparison models;
    private final ThresholdComparison whatIf;

    ComparePageResource(
            RegulationComparison regulations,
            OrganisationComparison organisations,
            ModelComparison models,
            ThresholdComparison whatIf) {
        this.regulations = regulations;
        this.organisations = organisations;
        this.models = models;
        this.whatIf = whatIf;
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(
                RegulationComparison.DEFAULTS, OrganisationComparison.DEFAULTS, ModelComparison.DEFAULTS);
    }

    @GET
    @Path("regulations")
    public TemplateInstance regulations(
            @QueryParam("ids") List<String> ids, @QueryParam("as-of") String asOf, @Context UriInfo uri) {
        AsOf day = AsOf.parse(asOf, null);
        Comparison c = regulations.compare(Selection.ids(ids, RegulationComparison.DEFAULTS), day);
        return Templates.comparison(c, join(c), uri.getRequestUri().getRawQuery(), "regulations", kept(day));
    }

    @GET
    @Path("organisations")
    public TemplateInstance organisations(
            @QueryParam("ids") List<String> ids, @QueryParam("as-of") String asOf, @Context UriInfo uri) {
        AsOf day = AsOf.parse(asOf, null);
        Comparison c = organisations.compare(Selection.ids(ids, OrganisationComparison.DEFAULTS), day);
        return Templates.comparison(c, join(c), uri.getRequestUri().getRawQuery(), "organisations", kept(day));
    }

    @GET
    @Path("models")
    public TemplateInstance models(
            @QueryParam("ids") List<String> ids,
            @QueryParam("threshold") List<String> thresholds,
            @QueryParam("as-of") String asOf,
            @Context UriInfo uri) {
        AsOf day = AsOf.parse(asOf, null);
        Comparison c = models.compare(Selection.ids(ids, ModelComparison.DEFAULTS), thresholds, day);
        return Templates.comparison(c, join(c), uri.getRequestUri().getRawQuery(), "models", kept(day));
    }

    @GET
    @Path("threshold")
    public TemplateInstance threshold(@QueryParam("tier") String tier, @QueryParam("threshold") String threshold) {
        return Templates.threshold(
                whatIf.whatIf(tier == null || tier.isBlank() ? ThresholdComparison.DEFAULT_TIER : tier, threshold));
    }

    /** The day to keep in the page's forms and links, or null for today. */
    private static String kept(AsOf day) {
        return day.today() ? null : day.text();
    }

    private static String join(Comparison c) {
        return String.join(
                ",",
                c.columns().stream().map(org.policygraph.web.ref.EntityRef::id).toList());
    }
}
