package org.policygraph.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Plan;
import org.policygraph.web.QueryPlans;

/** Search starts from the full-text index procedure and scans no label. */
@io.quarkus.test.junit.QuarkusTest
class SearchQueryPlanTest {

    @Test
    void startsFromTheFullTextIndexAndScansNoLabel() {
        Plan plan = QueryPlans.explain(
                SearchRepository.SEARCH,
                Map.of(
                        "query",
                        SearchRepository.luceneQuery("transparency obligations").orElseThrow(),
                        "limit",
                        50));

        assertThat(QueryPlans.operators(plan)).as(plan.toString()).contains("ProcedureCall");
        assertThat(QueryPlans.start(plan)).as(plan.toString()).isIn("ProcedureCall", "Argument");
        assertThat(plan.toString()).contains("db.index.fulltext.queryNodes");
        assertThat(QueryPlans.scans(plan)).as(plan.toString()).isEmpty();
    }
}
