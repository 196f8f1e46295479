package org.policygraph.web.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.mcp.server.Prompt;
import io.quarkiverse.mcp.server.PromptArg;
import io.quarkiverse.mcp.server.PromptMessage;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.Resource;
import io.quarkiverse.mcp.server.TextResourceContents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.policygraph.model.Kind;
import org.policygraph.model.RelType;
import org.policygraph.web.cypher.SavedQueries;

/**
 * The resources (the graph's schema, the saved queries) and the prompts (a journalist's standard questions) of the
 * MCP server. The schema comes from graph-model's {@link Kind} and {@link RelType}, the saved queries from the
 * console's library: what the site itself uses, not a copy.
 */
public class PolicyGraphResources {

    private final SavedQueries saved;
    private final ObjectMapper mapper;
    private final McpConfig config;

    PolicyGraphResources(SavedQueries saved, ObjectMapper mapper, McpConfig config) {
        this.saved = saved;
        this.mapper = mapper;
        this.config = config;
    }

    @Resource(uri = "policygraph://schema", name = "schema", mimeType = "application/json", description = """
            The kinds of node in PolicyGraph (each a Neo4j label beside Entity) with their properties and types, \
            and the relationship types with the kinds they go from and to and the verb that says them; every node \
            and relationship also carries the provenance lists sources, locators and quotes.""")
    TextResourceContents schema(RequestUri uri) {
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("label", kind.label());
            k.put("page", config.siteUrl() + "/" + kind.plural());
            Map<String, String> props = new TreeMap<>();
            kind.properties()
                    .forEach((name, type) -> props.put(name, type.name().toLowerCase(Locale.ROOT)));
            k.put("properties", props);
            kinds.put(kind.label(), k);
        }
        List<Map<String, Object>> types = new ArrayList<>();
        for (RelType type : RelType.values()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("type", type.name());
            t.put("verb", type.verb());
            t.put("inverseVerb", type.inverseVerb());
            t.put("from", type.from().stream().map(Kind::label).sorted().toList());
            t.put("to", type.to().stream().map(Kind::label).sorted().toList());
            t.put("derived", type.derived());
            types.add(t);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("nodeLabel", "Entity");
        schema.put("idProperty", "id");
        schema.put("provenance", List.of("sources", "locators", "quotes"));
        schema.put("kinds", kinds);
        schema.put("relationshipTypes", types);
        schema.put(
                "relationshipProperties",
                new TreeMap<>(RelType.PROPERTIES.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().name().toLowerCase(Locale.ROOT)))));
        return TextResourceContents.create(uri.value(), json(schema));
    }

    @Resource(
            uri = "policygraph://saved-queries",
            name = "saved-queries",
            mimeType = "application/json",
            description = """
                    The library of saved Cypher queries of the site's console, each with its parameters, defaults \
                    and permalink; run one with the run_cypher tool.""")
    TextResourceContents savedQueries(RequestUri uri) {
        List<Map<String, Object>> queries = saved.all().stream()
                .map(q -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", q.id());
                    m.put("name", q.name());
                    m.put("description", q.description());
                    m.put("query", q.query());
                    m.put("parameters", q.parameters());
                    m.put("permalink", config.siteUrl() + q.url());
                    return m;
                })
                .toList();
        return TextResourceContents.create(uri.value(), json(queries));
    }

    @Prompt(name = "laws_binding_their_backers", description = """
            Which labs backed (endorsed, signed) or opposed the laws that bind them: positions against the rules \
            that reach each lab, with sources.""")
    PromptMessage lawsBindingTheirBackers(
            @PromptArg(
                            name = "organisation",
                            description = "An organisation id, e.g. anthropic; empty for the main labs.",
                            required = false)
                    String organisation) {
        String who = organisation == null || organisation.isBlank()
                ? "the main AI labs (OpenAI, Anthropic, Meta, " + "Google DeepMind, Mistral AI, DeepSeek, xAI)"
                : "the organisation with the id " + organisation;
        return PromptMessage.withUserRole("Using PolicyGraph's tools, find for " + who + " (1) the laws and codes it "
                + "endorsed, signed, declined or opposed, with the date and quote of each position (get_entity on the "
                + "organisation: ENDORSED, OPPOSED, SIGNED, DECLINED), and (2) the rules that reach it and why "
                + "(rules_reaching, and compare with what=organisations). Then say which laws it backed that bind it, "
                + "which it opposed that bind it anyway, and cite every fact with its permalink and source.");
    }

    @Prompt(
            name = "compare_laws",
            description = "Two or more AI laws side by side: scope, thresholds, obligations, "
                    + "incident reporting, penalties, dates, as the law stands on a day.")
    PromptMessage compareLaws(
            @PromptArg(
                            name = "laws",
                            description = "Regulation ids or names, comma-separated, e.g. eu-ai-act, ca-sb-53, "
                                    + "ny-raise-act.")
                    String laws,
            @PromptArg(name = "as_of", description = "A day, YYYY-MM-DD; default today.", required = false)
                    String asOf) {
        return PromptMessage.withUserRole("Using PolicyGraph's tools, compare these AI laws: " + laws + ". Find each "
                + "one's id with search if a name is given, then call compare with what=regulations"
                + (asOf == null || asOf.isBlank() ? "" : " and as_of=" + asOf) + ". Summarise the differences in "
                + "scope, compute or revenue thresholds, obligations, incident reporting (deadline, recipient), "
                + "penalties and the dates that apply, and note where a date was superseded by an amendment. Cite "
                + "every fact with its permalink and its source, locator and quote.");
    }

    @Prompt(
            name = "which_models_cross_thresholds",
            description = "Which models cross which legal compute "
                    + "threshold, and why, with the estimate and its confidence.")
    PromptMessage whichModelsCrossThresholds(
            @PromptArg(
                            name = "developer",
                            description = "An organisation id to restrict to, e.g. openai; empty for " + "all.",
                            required = false)
                    String developer) {
        return PromptMessage.withUserRole("Using PolicyGraph's tools, list the models"
                + (developer == null || developer.isBlank() ? "" : " developed by " + developer)
                + " that fall under a compute-based tier (the EU AI Act's general-purpose AI with systemic risk, "
                + "SB 53's frontier model, the RAISE Act's frontier model): use run_cypher on FALLS_UNDER "
                + "relationships (status, value, threshold, reason), then rules_reaching on the notable ones. Say for "
                + "each model the estimate, its confidence and why it is in, likely or unknown, and cite the sources.");
    }

    @Prompt(
            name = "incident_reporting_duties",
            description = "For a lab's incidents in the AI Incident Database, "
                    + "which incident-reporting duties could apply and by when.")
    PromptMessage incidentReportingDuties(
            @PromptArg(name = "organisation", description = "An organisation id, e.g. openai.") String organisation) {
        return PromptMessage.withUserRole("Using PolicyGraph's tools, get the incidents in which " + organisation
                + " is an alleged developer or deployer (get_entity on it: the incoming ALLEGED_DEVELOPER and "
                + "ALLEGED_DEPLOYER relationships), then get_entity on a few recent incidents for their date and "
                + "parties, and rules_reaching on " + organisation + " for the tiers whose obligations include "
                + "incident reporting (deadline, recipient). Say which duties could apply to each incident and where "
                + "the law was not yet in force on the incident's date (get_entity on the law with as_of). Cite the "
                + "incident's AIID link and each provision with permalinks.");
    }

    private String json(Object value) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a resource could not be written as JSON", e);
        }
    }
}
