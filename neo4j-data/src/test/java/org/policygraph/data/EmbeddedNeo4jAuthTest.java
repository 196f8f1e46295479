package org.policygraph.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

/**
 * The embedded server's Bolt port asks for the store's credentials: a local process without them (or with the
 * default neo4j/neo4j, or a guess) is refused; with them it reads and writes. The password is made at the first
 * start, kept owner-only in the store directory and used again by later starts.
 */
class EmbeddedNeo4jAuthTest {

    @Test
    void boltRefusesAConnectionWithoutTheStoresCredentialsAndAcceptsOneWithThem(@TempDir Path dir) throws IOException {
        Path home = dir.resolve("db");
        String password;
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0)) {
            Path file = home.resolve(EmbeddedNeo4j.CREDENTIALS_FILE);
            assertThat(neo4j.credentialsFile()).isEqualTo(file);
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            EmbeddedNeo4j.Credentials credentials = EmbeddedNeo4j.readCredentials(file);
            assertThat(credentials.user()).isEqualTo("neo4j");
            password = credentials.password();
            assertThat(password).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo("neo4j");
            assertThat(Files.readString(file)).contains("user=neo4j").contains("password=" + password);

            assertRefused(neo4j.boltUri(), null);
            assertRefused(neo4j.boltUri(), "neo4j");
            assertRefused(neo4j.boltUri(), password + "x");

            try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", password));
                    var session = driver.session()) {
                session.run("CREATE (:Probe {id: 'written-with-the-password'})").consume();
                assertThat(session.run("MATCH (p:Probe) RETURN p.id AS id")
                                .single()
                                .get("id")
                                .asString())
                        .isEqualTo("written-with-the-password");
            }
        }
        // a later start on the same store keeps the password of the file
        try (EmbeddedNeo4j again = EmbeddedNeo4j.start(home, 0);
                Driver driver = GraphDatabase.driver(again.boltUri(), again.authToken());
                var session = driver.session()) {
            assertThat(EmbeddedNeo4j.readCredentials(again.credentialsFile()).password())
                    .isEqualTo(password);
            assertThat(session.run("MATCH (p:Probe) RETURN count(p) AS n")
                            .single()
                            .get("n")
                            .asLong())
                    .isEqualTo(1);
            assertRefused(again.boltUri(), null);
        }
    }

    @Test
    void aPasswordFileMayHoldThePasswordAlone(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("password.txt");
        Files.writeString(file, "s3cret-words\n");
        assertThat(EmbeddedNeo4j.readCredentials(file))
                .isEqualTo(new EmbeddedNeo4j.Credentials("neo4j", "s3cret-words"));
        assertThat(EmbeddedNeo4j.readCredentials(file).toString()).doesNotContain("s3cret");
    }

    private static void assertRefused(String uri, String password) {
        try (Driver driver =
                GraphDatabase.driver(uri, password == null ? AuthTokens.none() : AuthTokens.basic("neo4j", password))) {
            assertThatThrownBy(() -> {
                        try (var session = driver.session()) {
                            session.run("MATCH (n) RETURN count(n)").consume();
                        }
                    })
                    .as("a connection with %s", password == null ? "no credentials" : "a wrong password")
                    .isInstanceOf(AuthenticationException.class);
        }
    }
}
