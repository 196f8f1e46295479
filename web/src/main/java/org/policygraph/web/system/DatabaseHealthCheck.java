package org.policygraph.web.system;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;

/** {@code /q/health}: UP when the database answers a query, DOWN with the reason when it does not. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    private final Driver driver;

    DatabaseHealthCheck(Driver driver) {
        this.driver = driver;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Neo4j");
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            long nodes = session.executeRead(
                    tx -> tx.run("MATCH (n:Entity) RETURN count(n) AS n")
                            .single()
                            .get("n")
                            .asLong(),
                    TransactionConfig.builder()
                            .withTimeout(Duration.ofSeconds(3))
                            .build());
            return response.up().withData("nodes", nodes).build();
        } catch (RuntimeException e) {
            return response.down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
