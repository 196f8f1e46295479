package org.policygraph.web.cypher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The token guard on its own: what it refuses, where it says the problem is, and what it lets through. */
class QueryGuardTest {

    private final QueryGuard guard = new QueryGuard(
            Set.of("db.labels", "db.index.fulltext.queryNodes"),
            Set.of("count", "toupper", "size", "range", "coalesce", "collect", "any", "nodes", "date.truncate"));

    private QueryException refusal(String query) {
        try {
            guard.check(CypherTokens.of(query));
        } catch (QueryException e) {
            return e;
        }
        throw new AssertionError("not refused: " + query);
    }

    private void passes(String query) {
        assertThatCode(() -> guard.check(CypherTokens.of(query))).as(query).doesNotThrowAnyException();
    }

    @Test
    void refusesWritesWithTheirPlace() {
        QueryException e = refusal("MATCH (n)\nWITH n\n  DETACH DELETE n");
        assertThat(e.getMessage()).isEqualTo("The console is read-only: DETACH writes to the database.");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.located()).endsWith("(line 3, column 3).");
        assertThat(refusal("create (n)").getMessage()).contains("CREATE writes");
        assertThat(refusal("MATCH (n) SET n.x = 1").getMessage()).contains("SET writes");
        assertThat(refusal("MATCH (n) FOREACH (x IN [1] | REMOVE n.y)").getMessage())
                .contains("FOREACH");
    }

    @Test
    void refusesLoadCsvUseBatchesAndAdministration() {
        assertThat(refusal("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l").getMessage())
                .contains("LOAD CSV");
        assertThat(refusal("USE system SHOW USERS").getMessage()).contains("USE is not allowed");
        assertThat(refusal("CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN n")
                        .getMessage())
                .contains("IN TRANSACTIONS");
        assertThat(refusal("SHOW USERS").getMessage()).contains("Administration commands (SHOW");
        assertThat(refusal("STOP DATABASE neo4j").getMessage()).contains("Administration commands (STOP");
        assertThat(refusal("EXPLAIN MATCH (n) RETURN n").getMessage()).contains("EXPLAIN is not needed");
        assertThat(refusal("CYPHER runtime=slotted MATCH (n) RETURN n").getMessage())
                .contains("Query options");
        assertThat(refusal("MATCH (n) RETURN n; MATCH (m) RETURN m").getMessage())
                .contains("one statement at a time");
    }

    @Test
    void allowsOnlyListedProceduresAndBuiltInFunctions() {
        passes("CALL db.labels() YIELD label RETURN label");
        passes("CALL db.index.fulltext.queryNodes('entity_search', 'act') YIELD node RETURN node");
        assertThat(refusal("CALL db.createLabel('X')").getMessage())
                .isEqualTo(
                        "The procedure db.createLabel is not allowed in the console; it allows db.index.fulltext.queryNodes, db.labels.");
        assertThat(refusal("CALL `dbms`.`killQueries`(['1'])").getMessage()).contains("dbms.killQueries");
        assertThat(refusal("RETURN apoc.text.join(['a'], ',')").getMessage())
                .contains("The function apoc.text.join is not allowed");
        assertThat(refusal("RETURN file()").getMessage()).contains("The function file is not allowed");
        passes("RETURN toUpper('a'), COUNT(*), date.truncate('day', date())".replace(", date()", ""));
    }

    @Test
    void wordsInStringsCommentsPropertiesAndLabelsAreNotClauses() {
        passes("MATCH (n) WHERE n.name = 'CREATE INDEX; DELETE everything' RETURN n // SET x\n");
        passes("MATCH (n) /* LOAD CSV FROM 'file:///etc/passwd' */ RETURN n.set, n.delete");
        passes("MATCH (n:Set)-[:DELETE]->(m:A|Remove) RETURN {create: 1, merge: n.use} AS m");
        passes("MATCH (n) WHERE n.id IN ['a', \"b\\\"USE\"] RETURN `CREATE`.x");
        passes("MATCH (a)-[*1..3]->(b) RETURN count(*)");
        passes("MATCH p = shortestPath((a)-[*]-(b)) RETURN any(x IN nodes(p) WHERE x.id = 'a')");
    }

    @Test
    void unclosedStringsAndCommentsAreErrorsWithTheirPlace() {
        QueryException e = refusal("MATCH (n)\nWHERE n.name = 'open\nRETURN n");
        assertThat(e.title()).isEqualTo("Query error");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(16);
        assertThat(refusal("RETURN 1 /* never closed").getMessage()).contains("never closed with */");
    }
}
