package org.policygraph.web.cypher;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The limits of the Cypher console ({@code policygraph.console.*} in application.properties). */
@ConfigMapping(prefix = "policygraph.console")
public interface ConsoleConfig {

    /** How long a console query may run before the server stops it (a server-side transaction timeout). */
    @WithDefault("5s")
    Duration timeout();

    /** The most rows a query returns; a result with more is cut there and flagged {@code truncated}. */
    @WithDefault("1000")
    int maxRows();

    /** The longest query text accepted, in characters. */
    @WithDefault("10000")
    int maxQueryLength();

    /** The most console queries running at once; one more is refused with 429 rather than queued. */
    @WithDefault("4")
    int maxConcurrent();

    /** The longest list a result cell may hold; longer lists are cut (a lazy list such as range(1, 10^9) would otherwise be built in full while it is sent). */
    @WithDefault("10000")
    int maxListSize();

    /**
     * Where console queries run: {@code process} (the default) in a Neo4j of their own, a separate process over a
     * copy of the graph that the app kills when a query outlives its deadline, so that no query shares the site's
     * CPU or memory past it; {@code shared} on the site's own database (only the guards and the server's timeout
     * then hold, and an expression that never reaches a check keeps running after its deadline).
     */
    @WithDefault("process")
    Isolation isolation();

    /**
     * Whether the console's own Neo4j starts with the app (in the background) rather than at the first console
     * query: off by default, so that a site whose console is not used never spends the CPU and memory.
     */
    @WithDefault("false")
    boolean startAtBoot();

    /** How long a console query waits for the console's own Neo4j to start before it is answered 503. */
    @WithDefault("20s")
    Duration startWait();

    /** The maximum heap of the console's own Neo4j process. */
    @WithDefault("512m")
    String processHeap();

    /** The most memory one console transaction may use in the console's Neo4j (db.memory.transaction.max). */
    @WithDefault("256M")
    io.quarkus.runtime.configuration.MemorySize transactionMemory();

    /** The most memory all console transactions together may use (dbms.memory.transaction.total.max). */
    @WithDefault("384M")
    io.quarkus.runtime.configuration.MemorySize totalTransactionMemory();

    /** How long past its timeout a query may still run before its process is killed. */
    @WithDefault("2s")
    Duration killAfter();

    /** The longest answer, in bytes of the values read; the rows after it are left out and {@code truncated} set. */
    @WithDefault("8M")
    io.quarkus.runtime.configuration.MemorySize maxAnswerBytes();

    /** The deepest nesting of brackets a query may have. */
    @WithDefault("64")
    int maxNesting();

    /** The largest {@code range()} a query may build, when its bounds are written as numbers. */
    @WithDefault("1000000")
    long maxRange();

    /** Where console queries run. */
    enum Isolation {
        PROCESS,
        SHARED
    }

    /** The procedures a console query may call; every other procedure is refused. */
    @WithDefault("db.labels,db.relationshipTypes,db.propertyKeys,db.index.fulltext.queryNodes,db.schema.visualization")
    List<String> allowedProcedures();
}
