package org.policygraph.web.cypher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnAliasesTest {

    private static String named(String query, String... columns) {
        return ReturnAliases.named(query, CypherTokens.of(query), List.of(columns))
                .orElse(null);
    }

    @Test
    void namesUnnamedExpressionsWithTheirColumnNames() {
        assertThat(named("MATCH (a), (b) RETURN a.id, b.id ORDER BY a.id LIMIT 3", "a.id", "b.id"))
                .isEqualTo("MATCH (a), (b) RETURN a.id AS `a.id`, b.id AS `b.id` ORDER BY a.id LIMIT 3");
        assertThat(named("MATCH (n) RETURN DISTINCT n, count(*), n.name AS name", "n", "count(*)", "name"))
                .isEqualTo("MATCH (n) RETURN DISTINCT n, count(*) AS `count(*)`, n.name AS name");
    }

    @Test
    void leavesSubqueriesAndNamedItemsAlone() {
        String q = "MATCH (n) CALL (n) { RETURN n.id + 1 AS x } RETURN x, COUNT { RETURN 1 } AS c";
        assertThat(named(q, "x", "c")).isEqualTo(q);
        assertThat(named("MATCH (n) RETURN *", "n")).isEqualTo("MATCH (n) RETURN *");
    }

    @Test
    void namesEachBranchOfAUnion() {
        assertThat(named("RETURN 1 UNION RETURN 2", "1")).isEqualTo("RETURN 1 AS `1` UNION RETURN 2 AS `1`");
    }
}
