package org.policygraph.web.mcp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The MCP server's switch and limits ({@code policygraph.mcp.*} in application.properties). */
@ConfigMapping(prefix = "policygraph.mcp")
public interface McpConfig {

    /** Whether {@code /mcp} answers; when false it is a 404 like any unknown page. */
    @WithDefault("true")
    boolean enabled();

    /** The site's public address, which permalinks in tool results start with. */
    @WithDefault("http://localhost:8080")
    String siteUrl();

    /** The largest JSON a tool returns, in bytes; longer lists are cut (and the result says which, and how). */
    @WithDefault("200000")
    int maxResultBytes();

    /** How many relationships of a node the entity tool lists at most. */
    @WithDefault("100")
    int maxRelationships();

    /** How many rows the Cypher tool returns at most (the console's own row cap applies first). */
    @WithDefault("200")
    int maxRows();
}
