package org.policygraph.web.mcp;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.policygraph.model.Kind;
import org.policygraph.web.compare.CompareApiResource;
import org.policygraph.web.compare.Comparison;
import org.policygraph.web.cypher.ConsoleResult;
import org.policygraph.web.cypher.CypherConsole;
import org.policygraph.web.cypher.QueryException;
import org.policygraph.web.entity.EntityApiResource;
import org.policygraph.web.entity.EntityJson;
import org.policygraph.web.paths.PathApiResource;
import org.policygraph.web.paths.PathService;
import org.policygraph.web.search.SearchRepository;
import org.policygraph.web.system.WebException;

/**
 * The tools an AI assistant calls. Each maps onto what the site already answers (the same beans as the JSON API,
 * so the same validation and the same Cypher), and returns a {@link ToolResults tool result} whose every node has
 * its permalink and every fact its sources. A wrong argument, an unknown id or a refused query is a tool error whose
 * message says what is wrong, never a stack trace.
 */
public class PolicyGraphTools {

    private final SearchRepository search;
    private final EntityApiResource entities;
    private final PathApiResource paths;
    private final CompareApiResource compare;
    private final CypherConsole console;
    private final McpRepository repository;
    private final ToolResults results;
    private final McpConfig config;

    PolicyGraphTools(
            SearchRepository search,
            EntityApiResource entities,
            PathApiResource paths,
            CompareApiResource compare,
            CypherConsole console,
            McpRepository repository,
            ToolResults results,
            McpConfig config) {
        this.search = search;
        this.entities = entities;
        this.paths = paths;
        this.compare = compare;
        this.console = console;
        this.repository = repository;
        this.results = results;
        this.config = config;
    }

    /** One search hit. */
    public record SearchHit(String id, String kind, String name, String url, String summary, double score) {}

    @Tool(
            name = "search",
            description = """
            Full-text search of PolicyGraph, a sourced knowledge graph of AI law and policy: laws, bills, codes and \
            declarations (regulations), their provisions, risk tiers and obligations, jurisdictions, organisations \
            (AI labs, legislatures, regulators, companies), people, AI models, incidents and events. Every word must \
            match (as typed, as a prefix, or with one typo). Use it first to find the id of anything named in a \
            question (e.g. "RAISE Act", "Anthropic", "GPT-4", "systemic risk"), then call get_entity, find_paths, \
            compare or rules_reaching with that id. Returns the best matches with id, kind, name, permalink and summary.""",
            annotations =
                    @Tool.Annotations(
                            readOnlyHint = true,
                            destructiveHint = false,
                            idempotentHint = true,
                            openWorldHint = false))
    public ToolResponse search(
            @ToolArg(
                            name = "query",
                            description =
                                    "What to look for: a name, an official title, an abbreviation or words of a summary.")
                    String query,
            @ToolArg(name = "limit", description = "How many matches to return, 1 to 50.", defaultValue = "10")
                    int limit) {
        return answer(() -> {
            if (query == null || query.isBlank()) {
                throw new ToolCallException("Give words to search for, e.g. query=\"RAISE Act\".");
            }
            if (limit < 1 || limit > 50) {
                throw new ToolCallException("limit must be a whole number from 1 to 50, not " + limit + ".");
            }
            List<SearchHit> hits = search.search(query, limit).stream()
                    .map(h -> new SearchHit(
                            h.ref().id(),
                            h.ref().kind().label(),
                            h.ref().name(),
                            h.ref().url(),
                            h.summary(),
                            h.score()))
                    .toList();
            String summary = hits.isEmpty()
                    ? "Nothing in PolicyGraph matches \"" + query + "\"."
                    : hits.size() + " match" + (hits.size() == 1 ? "" : "es") + " for \"" + query + "\", best first: "
                            + String.join(
                                    "; ",
                                    hits.stream()
                                            .limit(5)
                                            .map(h -> h.name() + " (" + h.kind() + ", id " + h.id() + ")")
                                            .toList())
                            + ".";
            return results.of(summary, Map.of("query", query, "results", hits), List.of());
        });
    }

    @Tool(
            name = "get_entity",
            description = """
            Get one node of PolicyGraph by its id (from search): its properties, every relationship with a sentence \
            saying it in words and the node at the other end, the source, locator and quote of each fact, and the \
            claims commentary makes about it (with the primary source's correction where one disagrees). For a \
            regulation, risk tier, obligation or provision, pointInTime says what applied on the day given by \
            as_of (YYYY-MM-DD, default today): dates in force, dates superseded by amendments.""",
            annotations =
                    @Tool.Annotations(
                            readOnlyHint = true,
                            destructiveHint = false,
                            idempotentHint = true,
                            openWorldHint = false))
    public ToolResponse getEntity(
            @ToolArg(name = "id", description = "The node's id, e.g. eu-ai-act, anthropic, gpt-4, ny-raise-act.")
                    String id,
            @ToolArg(
                            name = "as_of",
                            description = "A day, YYYY-MM-DD: what applied then. Default: today.",
                            required = false)
                    String asOf) {
        return answer(() -> {
            Kind kind = kindOf(id);
            EntityJson entity = entities.entity(kind.plural(), id, blankToNull(asOf), null);
            List<String> cuts = new ArrayList<>();
            int max = config.maxRelationships();
            if (entity.relationships().size() > max) {
                cuts.add("relationships: " + max + " of "
                        + entity.relationships().size() + " listed (the others are "
                        + "on the node's page and in relationshipCounts)");
                entity = new EntityJson(
                        entity.id(),
                        entity.kind(),
                        entity.name(),
                        entity.url(),
                        entity.aliases(),
                        entity.summary(),
                        entity.properties(),
                        entity.text(),
                        entity.sources(),
                        entity.relationships().subList(0, max),
                        entity.relationshipCounts(),
                        entity.claims(),
                        entity.pointInTime());
            }
            String summary = entity.name() + " (" + entity.kind() + ", id " + entity.id() + ")"
                    + (entity.summary() == null ? "" : ": " + entity.summary()) + " It has "
                    + entity.relationshipCounts().stream()
                            .mapToLong(EntityJson.GroupCount::total)
                            .sum()
                    + " relationships and " + entity.sources().size() + " sources for its own facts.";
            return results.of(summary, entity, cuts);
        });
    }

    @Tool(
            name = "find_paths",
            description = """
            Find how two nodes of PolicyGraph are related: the shortest paths between them, of at most max hops, \
            each hop with the relationship in words and its sources. Use it for questions such as "how does the EU \
            AI Act reach Anthropic?" or "what links OpenAI to SB 53?". Give ids from search.""",
            annotations =
                    @Tool.Annotations(
                            readOnlyHint = true,
                            destructiveHint = false,
                            idempotentHint = true,
                            openWorldHint = false))
    public ToolResponse findPaths(
            @ToolArg(name = "from", description = "The id of one end, e.g. anthropic.") String from,
            @ToolArg(name = "to", description = "The id of the other end, e.g. eu-ai-act.") String to,
            @ToolArg(name = "max", description = "The most hops a path may have, 1 to 8.", defaultValue = "4") int max,
            @ToolArg(
                            name = "exclude_types",
                            description = "Relationship types to leave out, e.g. [\"HEADQUARTERED_IN\"].",
                            required = false)
                    List<String> excludeTypes) {
        return answer(() -> {
            PathService.Result found = paths.paths(
                    from, to, String.valueOf(max), excludeTypes == null ? List.of() : excludeTypes, List.of());
            String summary = found.paths().isEmpty()
                    ? "No path of at most " + found.max() + " hops links "
                            + found.from().name() + " and " + found.to().name() + "."
                    : found.paths().size() + " path" + (found.paths().size() == 1 ? "" : "s") + " between "
                            + found.from().name() + " and " + found.to().name() + ", shortest first.";
            return results.of(summary, found, List.of());
        });
    }

    @Tool(
            name = "compare",
            description = """
            Compare up to 8 regulations, organisations or models side by side, one row per question (for \
            regulations: scope, thresholds, obligations, incident reporting, penalties, enforcers, key dates; for \
            organisations: positions on laws, signatures, models, transparency, incidents, obligations that reach \
            them; for models: compute, developer, the legal thresholds each one crosses and why). Every cell has its \
            sources. as_of (regulations only) compares the law as it stood on that day.""",
            annotations =
                    @Tool.Annotations(
                            readOnlyHint = true,
                            destructiveHint = false,
                            idempotentHint = true,
                            openWorldHint = false))
    public ToolResponse compare(
            @ToolArg(name = "what", description = "What to compare: regulations, organisations or models.") String what,
            @ToolArg(
                            name = "ids",
                            description =
                                    "The ids to compare (from search), 1 to 8, e.g. [\"eu-ai-act\", \"ca-sb-53\"].")
                    List<String> ids,
            @ToolArg(
                            name = "as_of",
                            description = "A day, YYYY-MM-DD (regulations only). Default: today.",
                            required = false)
                    String asOf) {
        return answer(() -> {
            String kind = what == null ? "" : what.strip().toLowerCase(Locale.ROOT);
            if (!List.of("regulations", "organisations", "models").contains(kind)) {
                throw new ToolCallException("what must be regulations, organisations or models, not '" + what + "'.");
            }
            if (ids == null || ids.isEmpty()) {
                throw new ToolCallException("Give the ids to compare, e.g. ids=[\"eu-ai-act\", \"ca-sb-53\"].");
            }
            if (ids.size() > 8) {
                throw new ToolCallException("At most 8 ids can be compared at once; " + ids.size() + " were given.");
            }
            if (asOf != null && !asOf.isBlank() && !kind.equals("regulations")) {
                throw new ToolCallException("as_of applies to regulations only.");
            }
            Comparison c = (Comparison)
                    compare.compare(kind, List.of(String.join(",", ids)), List.of(), "json", blankToNull(asOf), null)
                            .getEntity();
            String summary = c.title() + ": "
                    + String.join(", ", c.columns().stream().map(e -> e.name()).toList()) + ", "
                    + c.rows().size() + " rows.";
            return results.of(summary, c, List.of());
        });
    }

    /** A rule that reaches a node: the tier, how the node stands under it and why, and what the tier brings. */
    public record Reach(
            String tier,
            String tierName,
            String tierUrl,
            Map<String, Object> standing,
            String sentence,
            List<org.policygraph.web.ref.Citation> sources,
            List<EntityJson.RelationshipJson> definedBy,
            List<EntityJson.RelationshipJson> obligations) {}

    @Tool(
            name = "rules_reaching",
            description = """
            Which legal rules reach a model or an organisation, and why: each risk tier it falls under (the EU AI \
            Act's general-purpose AI with systemic risk, SB 53's frontier developer, ...), with the status (in, \
            likely, unknown), the value compared with the law's threshold and the reason in a sentence, the \
            provision or regulation that defines the tier, and the obligations that apply to the tier, each with its \
            sources. Give a model or organisation id from search.""",
            annotations =
                    @Tool.Annotations(
                            readOnlyHint = true,
                            destructiveHint = false,
                            idempotentHint = true,
                            openWorldHint = false))
    public ToolResponse rulesReaching(
            @ToolArg(name = "id", description = "A model or organisation id, e.g. gpt-4 or openai.") String id) {
        return answer(() -> {
            Kind kind = kindOf(id);
            if (kind != Kind.MODEL && kind != Kind.ORGANISATION) {
                throw new ToolCallException("'" + id + "' is a " + kind.singular() + "; rules_reaching takes a model "
                        + "or an organisation. For a regulation, use get_entity or compare.");
            }
            EntityJson entity = entities.entity(kind.plural(), id, null, null);
            List<Reach> reaches = new ArrayList<>();
            for (EntityJson.RelationshipJson rel : entity.relationships()) {
                if (!rel.type().equals("FALLS_UNDER") || !rel.direction().equals("outgoing")) {
                    continue;
                }
                EntityJson tier =
                        entities.entity(Kind.RISK_TIER.plural(), rel.other().id(), null, null);
                List<EntityJson.RelationshipJson> definedBy = tier.relationships().stream()
                        .filter(r -> r.type().equals("DEFINES") && r.direction().equals("incoming"))
                        .toList();
                List<EntityJson.RelationshipJson> obligations = tier.relationships().stream()
                        .filter(r ->
                                r.type().equals("APPLIES_TO") && r.direction().equals("incoming"))
                        .toList();
                reaches.add(new Reach(
                        tier.id(),
                        tier.name(),
                        tier.url(),
                        rel.properties(),
                        rel.sentence(),
                        rel.sources(),
                        definedBy,
                        obligations));
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", entity.id());
            answer.put("kind", entity.kind());
            answer.put("name", entity.name());
            answer.put("url", entity.url());
            answer.put("rules", reaches);
            String summary = reaches.isEmpty()
                    ? "No rule in PolicyGraph is recorded as reaching " + entity.name() + " (no FALLS_UNDER: either no "
                            + "tier's rule matches its facts, or the facts are missing)."
                    : entity.name() + " falls under " + reaches.size() + " tier" + (reaches.size() == 1 ? "" : "s")
                            + ": "
                            + String.join(
                                    "; ",
                                    reaches.stream()
                                            .map(r -> r.tierName() + " ("
                                                    + r.standing().getOrDefault("status", "?") + ")")
                                            .toList())
                            + ".";
            return results.of(summary, answer, List.of());
        });
    }

    /** A Cypher answer as the tool returns it. */
    public record CypherAnswer(
            List<String> columns,
            List<List<Object>> rows,
            int rowCount,
            boolean truncated,
            String truncation,
            long elapsedMs,
            List<ConsoleResult.GraphNode> nodes) {}

    @Tool(
            name = "run_cypher",
            description = """
            Run a read-only Cypher query on PolicyGraph's Neo4j graph, through exactly the site's public console: \
            writes, LOAD CSV, administration commands and procedures off its allow list are refused with the \
            reason; the query is stopped after the console's timeout; rows, lists and bytes are capped (truncated \
            says so). Nodes have the label Entity plus their kind (Regulation, Provision, RiskTier, Obligation, \
            Organisation, Person, Model, Jurisdiction, Incident, Event, Source, ...), an id, a name, and the \
            provenance lists sources, locators and quotes; relationships carry the same lists. Read the resource \
            policygraph://schema first. Prefer the other tools when one fits: their answers carry citations.""",
            annotations =
                    @Tool.Annotations(
                            readOnlyHint = true,
                            destructiveHint = false,
                            idempotentHint = true,
                            openWorldHint = false))
    public ToolResponse runCypher(
            @ToolArg(
                            name = "query",
                            description = "The Cypher query, e.g. MATCH (m:Model) WHERE m.training_compute_flop > 1e25 "
                                    + "RETURN m.name, m.training_compute_flop ORDER BY m.training_compute_flop DESC")
                    String query,
            @ToolArg(
                            name = "parameters",
                            description = "Query parameters by name, e.g. {\"threshold\": 1e25}.",
                            required = false)
                    Map<String, Object> parameters) {
        return answer(() -> {
            ConsoleResult r = console.run(query, parameters);
            int max = config.maxRows();
            List<List<Object>> rows = r.rows().size() > max ? r.rows().subList(0, max) : r.rows();
            List<String> cuts = new ArrayList<>();
            if (rows.size() < r.rows().size()) {
                cuts.add("rows: " + max + " of " + r.rows().size() + " returned");
            }
            List<ConsoleResult.GraphNode> nodes =
                    r.graph() == null ? List.of() : r.graph().nodes();
            CypherAnswer answer = new CypherAnswer(
                    r.columns(), rows, r.rows().size(), r.truncated(), r.truncation(), r.elapsedMs(), nodes);
            String summary = r.rows().size() + " row" + (r.rows().size() == 1 ? "" : "s") + " in " + r.elapsedMs()
                    + " ms, columns " + r.columns()
                    + (r.truncated() ? "; the console cut the answer: " + r.truncation() : "")
                    + ". Nodes in the answer are listed under nodes with their permalinks.";
            return results.of(summary, answer, cuts);
        });
    }

    private Kind kindOf(String id) {
        if (id == null || id.isBlank()) {
            throw new ToolCallException("Give the id of a node, e.g. id=\"eu-ai-act\"; search finds ids by name.");
        }
        return repository.kindOf(id.strip()).orElseThrow(() -> {
            List<String> near = search.search(id.replace('-', ' '), 3).stream()
                    .map(h -> h.ref().id() + " (" + h.ref().name() + ")")
                    .toList();
            return new ToolCallException("There is no node with the id '" + id + "'."
                    + (near.isEmpty()
                            ? " Use search to find ids by name."
                            : " Did you mean " + String.join(", ", near) + "?"));
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Runs a tool, turning what the site would answer with a problem (a 400, a 404, a refused query) into a tool
     * error with the same message, and anything unexpected into a tool error that says so without internals.
     */
    private static ToolResponse answer(Supplier<ToolResponse> tool) {
        try {
            return tool.get();
        } catch (ToolCallException e) {
            throw e;
        } catch (QueryException e) {
            throw new ToolCallException(e.located());
        } catch (WebException e) {
            throw new ToolCallException(e.getMessage());
        } catch (RuntimeException e) {
            Log.errorf(e, "an MCP tool failed");
            throw new ToolCallException("PolicyGraph could not answer this call; try again, or narrow it down.");
        }
    }
}
