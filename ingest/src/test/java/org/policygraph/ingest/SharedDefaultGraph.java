package org.policygraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.policygraph.data.EmbeddedNeo4j;
import org.policygraph.ingest.read.DataFiles;

/**
 * The shipped default data, loaded once per test JVM into an embedded Neo4j, for the test classes that only read it
 * (the default data is 40,000 records: loading it for every class would cost minutes each). Tests that write, or that
 * check what a load reports, load their own store.
 */
final class SharedDefaultGraph {

    private static Driver driver;

    private SharedDefaultGraph() {}

    static synchronized Driver driver() {
        if (driver == null) {
            try {
                Path store = Files.createTempDirectory("policygraph-shared-default");
                EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(store.resolve("db"), 0);
                Driver d = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
                Ingest.defaults().run(DataFiles.defaults(), d, false);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    d.close();
                    neo4j.close();
                }));
                driver = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return driver;
    }
}
