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

    /** The procedures a console query may call; every other procedure is refused. */
    @WithDefault("db.labels,db.relationshipTypes,db.propertyKeys,db.index.fulltext.queryNodes,db.schema.visualization")
    List<String> allowedProcedures();
}
