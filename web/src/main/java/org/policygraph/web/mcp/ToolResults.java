package org.policygraph.web.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns an answer of the site into a tool result: a short text, the answer as JSON text (for clients that read only
 * text), and the same JSON as structured content. On the way, every object with a site-relative {@code url} gains a
 * {@code permalink} (the site's address and that path), and the JSON is fitted under
 * {@link McpConfig#maxResultBytes()} by halving its longest list until it fits; {@code truncated} then lists each
 * list that was cut, with how many of how many entries are shown, and the text says so.
 */
@ApplicationScoped
public class ToolResults {

    private final ObjectMapper mapper;
    private final McpConfig config;

    ToolResults(ObjectMapper mapper, McpConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * The tool result for an answer.
     *
     * @param summary   one or a few sentences saying what the answer holds (the text an assistant reads first)
     * @param answer    the answer, any object the JSON API would write
     * @param truncated cuts already made by the tool itself (e.g. "relationships: 100 of 412 shown"), or empty
     */
    public ToolResponse of(String summary, Object answer, List<String> truncated) {
        ObjectNode root = root(answer);
        addPermalinks(root, siteUrl());
        List<String> cuts = new ArrayList<>(truncated);
        cuts.addAll(fit(root, config.maxResultBytes()));
        if (!cuts.isEmpty()) {
            ArrayNode list = root.putArray("truncated");
            cuts.forEach(list::add);
        }
        String text = summary + (cuts.isEmpty() ? "" : " The result was cut: " + String.join("; ", cuts) + ".")
                + " Cite facts with their permalink and sources (source, locator, quote).";
        @SuppressWarnings("unchecked")
        Map<String, Object> structured = mapper.convertValue(root, Map.class);
        return new ToolResponse(false, List.of(new TextContent(text), new TextContent(json(root))), structured, null);
    }

    /** The answer as a JSON object: an object as it is, anything else under {@code key}. */
    ObjectNode root(Object answer) {
        JsonNode tree = mapper.valueToTree(answer);
        if (tree instanceof ObjectNode object) {
            return object;
        }
        ObjectNode wrapper = mapper.createObjectNode();
        wrapper.set("results", tree);
        return wrapper;
    }

    String siteUrl() {
        String url = config.siteUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Adds {@code permalink} beside every site-relative {@code url} ("/regulations/eu-ai-act"). */
    static void addPermalinks(JsonNode node, String site) {
        if (node instanceof ObjectNode object) {
            JsonNode url = object.get("url");
            if (url != null
                    && url.isTextual()
                    && url.asText().startsWith("/")
                    && !url.asText().startsWith("//")) {
                object.put("permalink", site + url.asText());
            }
            List<JsonNode> children = new ArrayList<>();
            object.elements().forEachRemaining(children::add);
            children.forEach(child -> addPermalinks(child, site));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> addPermalinks(child, site));
        }
    }

    /** Halves the longest list until the JSON is at most {@code maxBytes}; says what it cut. */
    List<String> fit(ObjectNode root, int maxBytes) {
        List<String> cuts = new ArrayList<>();
        java.util.LinkedHashMap<String, int[]> sizes = new java.util.LinkedHashMap<>();
        while (bytes(root) > maxBytes) {
            Longest longest = longest(root, "$", null);
            if (longest == null || longest.array.size() <= 1) {
                break; // nothing left to cut; the rest is one entry, returned whole
            }
            int before = longest.array.size();
            sizes.computeIfAbsent(longest.path, p -> new int[] {before, before});
            int keep = before / 2;
            while (longest.array.size() > keep) {
                longest.array.remove(longest.array.size() - 1);
            }
            sizes.get(longest.path)[1] = keep;
        }
        sizes.forEach((path, n) -> cuts.add(
                path + ": " + n[1] + " of " + n[0] + " shown (the answer is capped at " + maxBytes + " bytes)"));
        return cuts;
    }

    private record Longest(String path, ArrayNode array) {}

    private static Longest longest(JsonNode node, String path, Longest best) {
        if (node instanceof ArrayNode array) {
            if (best == null || array.size() > best.array.size()) {
                best = new Longest(path, array);
            }
            for (int i = 0; i < array.size(); i++) {
                best = longest(array.get(i), path + "[" + i + "]", best);
            }
        } else if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                best = longest(field.getValue(), path + "." + field.getKey(), best);
            }
        }
        return best;
    }

    private int bytes(JsonNode node) {
        return json(node).getBytes(StandardCharsets.UTF_8).length;
    }

    private String json(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tool result could not be written as JSON", e);
        }
    }
}
