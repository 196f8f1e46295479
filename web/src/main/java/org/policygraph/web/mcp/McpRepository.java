package org.policygraph.web.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.policygraph.model.Kind;

/** What the MCP tools ask the graph that no page asks in this form: the kind of a node known only by its id. */
@ApplicationScoped
public class McpRepository {

    private final Driver driver;

    McpRepository(Driver driver) {
        this.driver = driver;
    }

    /** The kind of the node with this id, or empty when there is none (ids are unique across kinds). */
    public Optional<Kind> kindOf(String id) {
        try (var session = driver.session()) {
            return session
                    .executeRead(tx -> tx.run(
                                    "MATCH (n:Entity {id: $id}) RETURN labels(n) AS labels", java.util.Map.of("id", id))
                            .list())
                    .stream()
                    .flatMap(r -> r.get("labels").asList(Value::asString).stream())
                    .map(Kind::byLabel)
                    .flatMap(Optional::stream)
                    .findFirst();
        }
    }
}
