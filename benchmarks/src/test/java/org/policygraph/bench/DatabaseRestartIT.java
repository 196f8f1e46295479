package org.policygraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.bench.process.ChildProcess;
import org.policygraph.bench.web.AppProcess;

/**
 * The external database stopped (killed) and started again while the packaged site serves: pages answer 503 saying
 * the database is unavailable and {@code /q/health} is DOWN, then both recover, without restarting the app.
 */
class DatabaseRestartIT {

    static final Path APP =
            Path.of(System.getProperty("policygraph.app.jar", "../web/target/quarkus-app/quarkus-run.jar"));
    static final String PAGE = "/regulations/eu-ai-act";

    ChildProcess database;
    AppProcess app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void pagesAnswer503AndHealthIsDownWhileTheDatabaseIsGoneThenBothRecover(@TempDir Path temp) {
        Path store = temp.resolve("db");
        int port = ChildProcess.freePort();
        database = startDatabase(store, port, 1);
        app = AppProcess.start(
                APP,
                // no warm-up: it plans the page queries for a minute on two cores, and this test is about losing
                // the database and getting it back, not about the first requests
                Map.of("neo4j.uri", "bolt://127.0.0.1:" + port, "policygraph.warm-up", "false"),
                List.of(),
                Path.of("target/it-logs/database-restart-app.log"));
        app.awaitPage("/", Duration.ofMinutes(6));
        assertThat(app.get(PAGE).statusCode()).isEqualTo(200);
        // ready (the warm-up check reports itself UP when the warm-up is off)
        assertThat(await(() -> app.get("/q/health"), a -> a.statusCode() == 200, Duration.ofMinutes(2))
                        .body())
                .contains("\"UP\"")
                .contains("warm-up");
        long pid = app.process().pid();

        database.kill();

        long down = System.nanoTime();
        AppProcess.Answer page = await(() -> app.get(PAGE), a -> a.statusCode() == 503, Duration.ofSeconds(30));
        System.out.printf(
                "the first 503 came %d ms after the database was killed%n", (System.nanoTime() - down) / 1_000_000);
        assertThat(page.body()).contains("Database unavailable").contains("cannot be reached");
        AppProcess.Answer api = app.get("/api" + PAGE);
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.body()).contains("\"status\":503").contains("Database unavailable");
        AppProcess.Answer health = app.get("/q/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"DOWN\"");
        long took = timed(() -> app.get(PAGE));
        assertThat(took).as("ms to answer 503 while the database is down").isLessThan(10_000);

        database = startDatabase(store, port, 2);

        long up = System.nanoTime();
        await(() -> app.get(PAGE), a -> a.statusCode() == 200, Duration.ofSeconds(60));
        System.out.printf(
                "pages answered 200 again %d ms after the database was ready%n", (System.nanoTime() - up) / 1_000_000);
        assertThat(app.get(PAGE).body()).contains("EU Artificial Intelligence Act");
        assertThat(await(() -> app.get("/q/health"), a -> a.statusCode() == 200, Duration.ofSeconds(30))
                        .body())
                .contains("\"UP\"");
        assertThat(app.process().pid()).isEqualTo(pid);
        assertThat(app.process().isAlive()).isTrue();
    }

    static ChildProcess startDatabase(Path store, int port, int run) {
        ChildProcess db = ChildProcess.start(
                ChildProcess.java(
                        "-Xmx1g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.policygraph.data.StandaloneNeo4j",
                        store.toString(),
                        String.valueOf(port)),
                Map.of(),
                Path.of("target/it-logs/database-restart-neo4j-" + run + ".log"),
                "READY ");
        db.awaitReady(Duration.ofMinutes(3));
        return db;
    }

    static <T> T await(java.util.function.Supplier<T> get, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = get.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within " + timeout.toSeconds() + " s; last: " + last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            last = get.get();
        }
        return last;
    }

    static long timed(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1_000_000;
    }
}
