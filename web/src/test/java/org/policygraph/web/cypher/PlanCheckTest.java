package org.policygraph.web.cypher;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.QueryType;

/** The plan check on its own, on plans shaped like those Neo4j 5.26 gives, for what the token guard might miss. */
class PlanCheckTest {

    private static final List<String> ALLOWED = List.of("db.labels");

    private static ConsoleRepository.QueryPlan plan(QueryType type, List<String> operators, List<String> details) {
        return new ConsoleRepository.QueryPlan(List.of("x"), type, operators, details, "neo4j");
    }

    @Test
    void refusesPlansThatWriteOrAdminister() {
        assertThatThrownBy(() -> CypherConsole.checkPlan(
                        plan(
                                QueryType.READ_WRITE,
                                List.of("ProduceResults@neo4j", "Create@neo4j"),
                                List.of("n", "(n)")),
                        ALLOWED))
                .hasMessage("The console is read-only: the query's plan writes to the database.");
        assertThatThrownBy(() -> CypherConsole.checkPlan(
                        plan(QueryType.WRITE_ONLY, List.of("EmptyResult@neo4j"), List.of("")), ALLOWED))
                .hasMessageContaining("writes to the database");
        assertThatThrownBy(() -> CypherConsole.checkPlan(
                        plan(QueryType.SCHEMA_WRITE, List.of("AdministrationCommand@system"), List.of("")), ALLOWED))
                .hasMessage("The console is read-only: the query changes the schema or administers the server.");
    }

    @Test
    void refusesReadOnlyPlansThatLoadCsvBatchCallOrLeaveTheDatabase() {
        assertThatThrownBy(() -> CypherConsole.checkPlan(
                        plan(QueryType.READ_ONLY, List.of("ProduceResults@neo4j", "LoadCSV@neo4j"), List.of("l", "l")),
                        ALLOWED))
                .hasMessageContaining("LOAD CSV is not allowed");
        assertThatThrownBy(() -> CypherConsole.checkPlan(
                        plan(
                                QueryType.READ_ONLY,
                                List.of("ProduceResults@neo4j", "TransactionApply@neo4j"),
                                List.of("n", "IN TRANSACTIONS OF 1000 ROWS ON ERROR FAIL")),
                        ALLOWED))
                .hasMessageContaining("IN TRANSACTIONS is not allowed");
        assertThatThrownBy(() -> CypherConsole.checkPlan(
                        plan(
                                QueryType.READ_ONLY,
                                List.of("ProduceResults@neo4j", "ProcedureCall@neo4j"),
                                List.of("", "db.stats.retrieve($a) :: (section :: STRING)")),
                        ALLOWED))
                .hasMessage("The procedure db.stats.retrieve is not allowed in the console.");
        assertThatThrownBy(() -> CypherConsole.checkPlan(
                        plan(
                                QueryType.READ_ONLY,
                                List.of("ProduceResults@neo4j", "AllNodesScan@other"),
                                List.of("n", "n")),
                        ALLOWED))
                .hasMessage("The query reaches the database other; the console runs on neo4j only.");
    }

    @Test
    void passesReadOnlyPlansWithAllowedProcedures() {
        assertThatCode(() -> CypherConsole.checkPlan(
                        plan(
                                QueryType.READ_ONLY,
                                List.of("ProduceResults@neo4j", "ProcedureCall@neo4j"),
                                List.of("label", "db.labels() :: (label :: STRING)")),
                        ALLOWED))
                .doesNotThrowAnyException();
    }
}
