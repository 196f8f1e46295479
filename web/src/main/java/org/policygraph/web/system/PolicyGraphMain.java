package org.policygraph.web.system;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** The packaged app's entry point: begins the embedded Neo4j's start (see {@link EarlyStart}), then runs Quarkus. */
@QuarkusMain
public class PolicyGraphMain {

    public static void main(String... args) {
        EarlyStart.begin();
        Quarkus.run(args);
    }
}
