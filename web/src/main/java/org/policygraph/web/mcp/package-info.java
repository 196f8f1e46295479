/**
 * The Model Context Protocol server at {@code /mcp} (Streamable HTTP, the Quarkiverse MCP server extension): tools,
 * resources and prompts for AI assistants, over exactly what the site and its JSON API already answer. Every tool
 * result is a short text, the same answer as JSON, and that JSON as structured content, in which every node carries
 * its permalink on the site and every fact its sources with locator and quote. The Cypher tool goes through the
 * console ({@link org.policygraph.web.cypher.CypherConsole}): the same guards, limits and concurrency cap, and the
 * same child database; there is no other way into the graph from here.
 */
package org.policygraph.web.mcp;
