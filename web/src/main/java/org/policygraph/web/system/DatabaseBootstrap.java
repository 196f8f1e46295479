package org.policygraph.web.system;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.neo4j.driver.Driver;
import org.policygraph.ingest.Ingest;
import org.policygraph.ingest.read.DataFiles;
import org.policygraph.ingest.write.GraphWriter;

/**
 * At start: applies the schema files, and when the database holds no PolicyGraph node yet, loads the default
 * data (through {@link Ingest}, so the write bumps the graph's version like any ingest). Later starts keep what is
 * there.
 */
@ApplicationScoped
public class DatabaseBootstrap {

    void onStart(@Observes StartupEvent event, Driver driver, PolicyGraphConfig config) {
        if (config.applySchema()) {
            long schema = System.nanoTime();
            new GraphWriter(driver).applySchema();
            Log.infof("the schema is in place (%d ms)", (System.nanoTime() - schema) / 1_000_000);
        }
        if (!config.loadDefaultData()) {
            return;
        }
        long existing;
        try (var session = driver.session()) {
            existing = session.executeRead(tx -> tx.run("MATCH (n:Entity) RETURN count(n) AS n")
                    .single()
                    .get("n")
                    .asLong());
        }
        if (existing > 0) {
            Log.infof("the database holds %d PolicyGraph nodes; keeping them", existing);
            return;
        }
        long start = System.nanoTime();
        Ingest.Result result = Ingest.defaults().run(DataFiles.defaults(), driver, false);
        // the write bumped the graph's version (GraphVersion), which the page cache is keyed by
        Log.infof(
                "loaded the default data: %d nodes, %d relationships in %d ms (graph version %d)",
                result.nodesRead(),
                result.relationshipsRead(),
                (System.nanoTime() - start) / 1_000_000,
                result.written().version());
    }
}
