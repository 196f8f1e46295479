package org.policygraph.web.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.policygraph.model.Kind;
import org.policygraph.web.ref.EntityRef;

/** Full-text search over the {@code entity_search} index; owns the translation of user input into Lucene syntax. */
@ApplicationScoped
public class SearchRepository {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /**
     * The words the index's analyzer ({@code standard-folding}) leaves out, as
     * {@code db.index.fulltext.listAvailableAnalyzers()} lists them: a query that required one would find nothing,
     * since no node is indexed under it.
     */
    static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
            "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
            "will", "with");

    /**
     * How many of Lucene's best matches are ranked again with exact names first: enough that a node whose other
     * name is exactly what was typed ("SB 53") is among them when many nodes mention the words.
     */
    static final int CANDIDATES = 200;

    /**
     * The search query. The index returns only its best {@code $limit} matches: without the option it yields every
     * match, and a common word matches tens of thousands of nodes on a large graph (45,795 for "provider" on the
     * 100k-model benchmark graph: 265 ms, against 60 ms with the option). Package-visible for the query-plan test.
     */
    static final String SEARCH = """
            CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $limit}) YIELD node, score
            RETURN node.id AS id, node.name AS name, node.summary AS summary,
                   [l IN labels(node) WHERE l <> 'Entity'][0] AS label, score,
                   node.aliases AS aliases, node.claim AS claim, node.text AS text, node.quotes AS quotes
            ORDER BY score DESC, node.name
            LIMIT $limit
            """;

    private final Driver driver;

    SearchRepository(Driver driver) {
        this.driver = driver;
    }

    /**
     * Finds nodes whose name, other names or summary match the words typed. Any input is safe: it is cut into
     * words of letters and digits, so Lucene's syntax characters never reach the index.
     */
    public List<Hit> search(String input, int limit) {
        Optional<String> query = luceneQuery(input);
        if (query.isEmpty()) {
            return List.of();
        }
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                List<Hit> hits = new ArrayList<>();
                List<String> words = words(input);
                tx.run(SEARCH, Map.of("query", query.get(), "limit", Math.max(limit, CANDIDATES)))
                        .forEachRemaining(r -> Kind.byLabel(r.get("label").asString(""))
                                .ifPresent(kind -> {
                                    String summary = r.get("summary").asString(null);
                                    Snippet snippet = Snippet.of(
                                            words,
                                            List.of(
                                                    new String[] {
                                                        "name", r.get("name").asString()
                                                    },
                                                    new String[] {
                                                        "aliases",
                                                        String.join(
                                                                " · ",
                                                                r.get("aliases").asList(Value::asString, List.of()))
                                                    },
                                                    new String[] {"summary", summary},
                                                    new String[] {
                                                        "claim", r.get("claim").asString(null)
                                                    },
                                                    new String[] {
                                                        "text", r.get("text").asString(null)
                                                    },
                                                    new String[] {
                                                        "quotes",
                                                        String.join(
                                                                " · ",
                                                                r
                                                                        .get("quotes")
                                                                        .asList(Value::asString, List.of())
                                                                        .stream()
                                                                        .filter(q -> !q.isBlank())
                                                                        .toList())
                                                    }));
                                    List<String> names =
                                            new ArrayList<>(r.get("aliases").asList(Value::asString, List.of()));
                                    names.add(r.get("name").asString());
                                    hits.add(new Hit(
                                            new EntityRef(
                                                    r.get("id").asString(),
                                                    kind,
                                                    r.get("name").asString()),
                                            summary,
                                            r.get("score").asDouble(),
                                            snippet,
                                            names));
                                }));
                // a node whose name or other name is exactly what was typed comes first, whatever Lucene scored
                String exact = String.join(" ", words);
                hits.sort(java.util.Comparator.comparing((Hit h) -> !h.exactName(exact)));
                return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
            });
        }
    }

    /**
     * Every word must match, exactly, as a prefix, or (for words of four letters or more) with one typo.
     * Returns empty when the input holds no word.
     */
    /** The words of the input, lower case, as the index sees them. */
    static List<String> words(String input) {
        List<String> words = new ArrayList<>();
        if (input != null) {
            Matcher m = WORD.matcher(input.toLowerCase(Locale.ROOT));
            while (m.find()) {
                words.add(m.group());
            }
        }
        return words;
    }

    static Optional<String> luceneQuery(String input) {
        if (input == null) {
            return Optional.empty();
        }
        List<String> clauses = new ArrayList<>();
        List<String> words = words(input);
        if (!STOP_WORDS.containsAll(words)) {
            words = words.stream().filter(w -> !STOP_WORDS.contains(w)).toList(); // required, they would match nothing
        }
        for (String word : words.subList(0, Math.min(12, words.size()))) {
            String w = cut(word);
            StringBuilder clause =
                    new StringBuilder("(").append(w).append("^3 OR ").append(w).append('*');
            if (w.length() >= 4) {
                clause.append(" OR ").append(w).append("~1");
            }
            clauses.add(clause.append(')').toString());
        }
        return clauses.isEmpty() ? Optional.empty() : Optional.of(String.join(" AND ", clauses));
    }

    /** The longest word searched for: a longer one is cut (Lucene refuses a typo automaton past ~1000 states). */
    static final int MAX_WORD = 64;

    private static String cut(String word) {
        int length = word.codePointCount(0, word.length());
        return length <= MAX_WORD ? word : word.substring(0, word.offsetByCodePoints(0, MAX_WORD));
    }

    /**
     * One search result.
     *
     * @param ref     the node found
     * @param summary its one-sentence summary, or null
     * @param score   the full-text score
     * @param snippet the text around the first word found, or null (a match by a typo)
     * @param names   its name and other names
     */
    public record Hit(EntityRef ref, String summary, double score, Snippet snippet, List<String> names) {

        boolean exactName(String words) {
            return names.stream()
                    .anyMatch(n -> String.join(" ", SearchRepository.words(n)).equals(words));
        }
    }
}
