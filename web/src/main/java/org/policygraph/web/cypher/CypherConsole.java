package org.policygraph.web.cypher;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.summary.QueryType;

/**
 * Runs console queries, read-only by construction. A query must pass, in order:
 * <ol>
 *   <li>the length cap;</li>
 *   <li>the token guard ({@link QueryGuard}): no writes, {@code LOAD CSV}, {@code USE}, {@code IN TRANSACTIONS},
 *       administration commands, procedures off the allow list or functions that are not built in;</li>
 *   <li>the concurrency cap (a semaphore: one query over it is refused with 429, not queued);</li>
 *   <li>the plan check: {@code EXPLAIN} in a READ session must say {@code READ_ONLY}, on this database only, with
 *       no {@code LoadCSV}, no transactional subquery and no procedure off the allow list;</li>
 *   <li>the run: a READ session, a server-side transaction timeout, at most the row cap read (more sets
 *       {@code truncated}), lists in the returned columns cut at the list cap.</li>
 * </ol>
 * Every refusal is a {@link QueryException} that says why, and where in the query when it can.
 */
@ApplicationScoped
public class CypherConsole {

    private static final Pattern POSITION = Pattern.compile("\\s*\\(line (\\d+), column (\\d+) \\(offset: \\d+\\)\\)");
    private static final Set<String> BUILT_IN_FALLBACK = Set.of(
            "abs",
            "acos",
            "all",
            "any",
            "asin",
            "atan",
            "atan2",
            "avg",
            "btrim",
            "ceil",
            "char_length",
            "character_length",
            "coalesce",
            "collect",
            "cos",
            "cot",
            "count",
            "date",
            "date.realtime",
            "date.statement",
            "date.transaction",
            "date.truncate",
            "datetime",
            "datetime.fromepoch",
            "datetime.fromepochmillis",
            "datetime.realtime",
            "datetime.statement",
            "datetime.transaction",
            "datetime.truncate",
            "degrees",
            "duration",
            "duration.between",
            "duration.indays",
            "duration.inmonths",
            "duration.inseconds",
            "e",
            "elementid",
            "endnode",
            "exists",
            "exp",
            "floor",
            "haversin",
            "head",
            "id",
            "isempty",
            "isnan",
            "keys",
            "labels",
            "last",
            "left",
            "length",
            "localdatetime",
            "localdatetime.realtime",
            "localdatetime.statement",
            "localdatetime.transaction",
            "localdatetime.truncate",
            "localtime",
            "localtime.realtime",
            "localtime.statement",
            "localtime.transaction",
            "localtime.truncate",
            "log",
            "log10",
            "lower",
            "ltrim",
            "max",
            "min",
            "nodes",
            "none",
            "normalize",
            "nullif",
            "percentilecont",
            "percentiledisc",
            "pi",
            "point",
            "point.distance",
            "point.withinbbox",
            "properties",
            "radians",
            "rand",
            "randomuuid",
            "range",
            "reduce",
            "relationships",
            "replace",
            "reverse",
            "right",
            "round",
            "rtrim",
            "sign",
            "sin",
            "single",
            "size",
            "split",
            "sqrt",
            "startnode",
            "stdev",
            "stdevp",
            "substring",
            "sum",
            "tail",
            "tan",
            "time",
            "time.realtime",
            "time.statement",
            "time.transaction",
            "time.truncate",
            "timestamp",
            "toboolean",
            "tobooleanlist",
            "tobooleanornull",
            "tofloat",
            "tofloatlist",
            "tofloatornull",
            "tointeger",
            "tointegerlist",
            "tointegerornull",
            "tolower",
            "tostring",
            "tostringlist",
            "tostringornull",
            "toupper",
            "trim",
            "type",
            "upper",
            "valuetype",
            "vector.similarity.cosine",
            "vector.similarity.euclidean");
    /** Java class names in the server's messages ("org.neo4j...SomeException: "), which the console never shows. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?");

    private static final String LIST_CAP_PARAMETER = "policygraphConsoleListCap";

    private final ConsoleRepository repository;
    private final ConsoleDatabase database;
    private final ConsoleConfig config;
    private final Semaphore running;
    private volatile QueryGuard guard;

    CypherConsole(ConsoleRepository repository, ConsoleDatabase database, ConsoleConfig config) {
        this.repository = repository;
        this.database = database;
        this.config = config;
        this.running = new Semaphore(config.maxConcurrent());
    }

    /** The console's limits, for the page and the API description. */
    public ConsoleConfig limits() {
        return config;
    }

    /**
     * Checks and runs a query.
     *
     * @param query      the Cypher text
     * @param parameters the parameters, as read from JSON (numbers, strings, booleans, lists, maps, null)
     * @throws QueryException when the query is refused, fails, times out, or too many queries run
     */
    public ConsoleResult run(String query, Map<String, Object> parameters) {
        String text = query == null ? "" : query.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.length() > config.maxQueryLength()) {
            throw QueryException.refused("The query is " + text.length()
                    + " characters long; the console takes at most " + config.maxQueryLength() + ".");
        }
        var tokens = CypherTokens.of(text);
        guard().check(tokens);
        CostGuard.check(tokens, config.maxNesting(), config.maxRange());
        Map<String, Object> params = normalise(parameters == null ? Map.of() : parameters);
        if (!running.tryAcquire()) {
            throw QueryException.busy("The console is answering " + config.maxConcurrent() + " queries already, "
                    + "its limit; try again in a moment.");
        }
        ConsoleDatabase.Lease lease = null;
        try {
            lease = database.lease();
            var driver = lease.driver();
            ConsoleRepository.QueryPlan plan = repository.explain(driver, text, params, config.timeout());
            checkPlan(plan, config.allowedProcedures());
            Optional<String> named = tokens.stream().anyMatch(t -> t.is("RETURN"))
                            && !plan.columns().isEmpty()
                    ? ReturnAliases.named(text, tokens, plan.columns())
                    : Optional.empty();
            boolean returns = named.isPresent();
            String run = returns ? capLists(named.get(), plan.columns()) : text;
            Map<String, Object> runParams = params;
            if (returns) {
                runParams = new LinkedHashMap<>(params);
                runParams.put(LIST_CAP_PARAMETER, config.maxListSize() + 1);
            }
            ConsoleRepository.Rows rows = repository.run(
                    driver,
                    run,
                    runParams,
                    config.timeout(),
                    config.maxRows(),
                    config.maxAnswerBytes().asLongValue());
            return ResultReader.read(
                    rows,
                    config.maxListSize(),
                    config.maxRows(),
                    bytes(config.maxAnswerBytes().asLongValue()),
                    ids -> repository.nodes(driver, ids));
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            if (lease != null && lease.killed()) {
                database.died(lease); // answer once the killed process is gone, so the next query starts a new one
                throw timedOut();
            }
            if (lease != null && database.died(lease)) {
                throw QueryException.refused("The query needed more memory than the console allows, and its database "
                        + "was stopped; narrow it down.");
            }
            throw e;
        } catch (Neo4jException e) {
            if (lease != null && lease.killed()) {
                database.died(lease);
                throw timedOut();
            }
            QueryException translated = translate(e);
            if (lease != null && (translated.stoppedByServer())) {
                lease.stoppedByServer();
                database.died(lease);
            }
            throw translated;
        } finally {
            if (lease != null) {
                lease.close();
            }
            running.release();
        }
    }

    private static String bytes(long n) {
        return n % (1024 * 1024) == 0
                ? (n / (1024 * 1024)) + " MiB"
                : n % 1024 == 0 ? (n / 1024) + " KiB" : n + " bytes";
    }

    private QueryException timedOut() {
        return QueryException.timedOut("The query ran for longer than the console allows (" + seconds()
                + ") and was stopped; narrow it down, for example with LIMIT or a more specific MATCH.");
    }

    /** Checks the plan: read-only, this database only, no LOAD CSV, no batches, allowed procedures only. */
    static void checkPlan(ConsoleRepository.QueryPlan plan, List<String> allowedProcedures) {
        if (plan.type() == QueryType.READ_WRITE || plan.type() == QueryType.WRITE_ONLY) {
            throw QueryException.refused("The console is read-only: the query's plan writes to the database.");
        }
        if (plan.type() != QueryType.READ_ONLY) {
            throw QueryException.refused(
                    "The console is read-only: the query changes the schema or administers " + "the server.");
        }
        for (int i = 0; i < plan.operators().size(); i++) {
            String operator = plan.operators().get(i);
            int at = operator.indexOf('@');
            String name = at < 0 ? operator : operator.substring(0, at);
            String database = at < 0 ? plan.database() : operator.substring(at + 1);
            if (plan.database() != null && !database.equals(plan.database())) {
                throw QueryException.refused("The query reaches the database " + database + "; the console runs on "
                        + plan.database() + " only.");
            }
            if (name.equals("LoadCSV")) {
                throw QueryException.refused("LOAD CSV is not allowed in the console: it reads files and URLs.");
            }
            if (name.startsWith("Transaction")) {
                throw QueryException.refused(
                        "CALL { ... } IN TRANSACTIONS is not allowed in the console: it commits " + "in batches.");
            }
            if (name.startsWith("Show") || name.startsWith("Terminate")) {
                throw QueryException.refused(
                        "Administration commands (" + name + ") are not allowed in the read-only " + "console.");
            }
            if (name.contains("Administration") || name.contains("System")) {
                throw QueryException.refused("Administration commands are not allowed in the read-only console.");
            }
            if (name.equals("ProcedureCall")) {
                String details = plan.details().get(i);
                String procedure = details.contains("(")
                        ? details.substring(0, details.indexOf('(')).strip()
                        : details;
                if (!allowedProcedures.contains(procedure)) {
                    throw QueryException.refused("The procedure " + procedure + " is not allowed in the console.");
                }
            }
        }
    }

    /**
     * Wraps the query so that each returned list, and each list in it, is cut at the list cap plus one (so a cut can
     * be told): a lazy list such as {@code range(1, 10^9)} is only built when it is sent, after the timeout has
     * stopped counting, and would fill the heap. Lists deeper down and lists in maps are not cut. Each column
     * goes through a map first: its value then has no static type, and slicing a column the planner knows to be a
     * node would be a type error.
     */
    private static String capLists(String query, List<String> columns) {
        String boxed =
                columns.stream().map(c -> "{v: " + name(c) + "} AS " + name(c)).collect(Collectors.joining(", "));
        String cap = "$" + LIST_CAP_PARAMETER;
        String projection = columns.stream()
                .map(c -> {
                    String v = name(c) + ".v";
                    String items = "[item IN " + v + "[0.." + cap
                            + "] | CASE WHEN {v: item}.v IS :: LIST<ANY> THEN {v: item}.v[0.." + cap
                            + "] ELSE item END]";
                    return "CASE WHEN " + v + " IS :: LIST<ANY> THEN " + items + " ELSE " + v + " END AS " + name(c);
                })
                .collect(Collectors.joining(", "));
        return "CALL () {\n" + query + "\n}\nWITH " + boxed + "\nRETURN " + projection;
    }

    private static String name(String column) {
        return "`" + column.replace("`", "``") + "`";
    }

    /** Neo4j's errors as sentences; syntax errors keep their line and column, measured in the user's query. */
    private QueryException translate(Neo4jException e) {
        String code = e.code() == null ? "" : e.code();
        if (code.contains("TransactionTimedOut") || code.endsWith("Transaction.Terminated")) {
            return timedOut().markStoppedByServer();
        }
        if (code.contains("MemoryPoolOutOfMemoryError") || code.contains("OutOfMemory")) {
            return QueryException.refused("The query needs more memory than the console allows; narrow it down.")
                    .markStoppedByServer();
        }
        if (code.endsWith("Statement.AccessMode") || code.endsWith("Security.Forbidden")) {
            return QueryException.refused("The console is read-only: " + firstLine(e.getMessage()));
        }
        String message = firstLine(e.getMessage());
        if (message.contains("org.apache.lucene")
                || message.contains("Lucene")
                || message.contains("TokenMgrError")
                || message.contains("ParseException")) {
            return QueryException.syntax(
                    "The full-text search words could not be read: check their quotes, brackets "
                            + "and operators (Lucene query syntax), or escape special characters with a backslash.",
                    null,
                    null);
        }
        message = CLASS_NAME.matcher(message).replaceAll("").strip();
        Matcher m = POSITION.matcher(message);
        if (m.find()) {
            int line = Integer.parseInt(m.group(1));
            int column = Integer.parseInt(m.group(2));
            if (line == 1) {
                column = Math.max(1, column - ConsoleRepository.EXPLAIN.length());
            }
            String text = sentence(message.substring(0, m.start()) + message.substring(m.end()));
            return QueryException.syntax(text, line, column);
        }
        if (e instanceof ClientException) {
            return QueryException.syntax(sentence(message), null, null);
        }
        Log.warnf("console query failed: %s %s", code, e.getMessage());
        return QueryException.syntax("The database could not run the query: " + sentence(message), null, null);
    }

    private String seconds() {
        long ms = config.timeout().toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    private static String sentence(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return "The query could not be run.";
        }
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }

    private QueryGuard guard() {
        QueryGuard g = guard;
        if (g == null) {
            Set<String> functions = new LinkedHashSet<>(BUILT_IN_FALLBACK);
            try {
                repository.builtInFunctions().forEach(f -> functions.add(f.toLowerCase(java.util.Locale.ROOT)));
            } catch (RuntimeException e) {
                Log.warnf("cannot list the server's built-in functions (%s); using Neo4j 5.26's", e.getMessage());
            }
            g = new QueryGuard(Set.copyOf(config.allowedProcedures()), functions);
            guard = g;
        }
        return g;
    }

    /** JSON numbers and collections as the driver takes them. */
    static Map<String, Object> normalise(Map<String, Object> parameters) {
        Map<String, Object> out = new LinkedHashMap<>();
        parameters.forEach((k, v) -> out.put(k, normaliseValue(v)));
        return out;
    }

    private static Object normaliseValue(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(x -> out.add(normaliseValue(x)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(String.valueOf(k), normaliseValue(x)));
            return out;
        }
        return v;
    }
}
