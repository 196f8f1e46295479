package org.policygraph.web.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Plan;
import org.policygraph.web.QueryPlans;

/** The home page's counts come from the count store, in one query, and read no node or relationship. */
@io.quarkus.test.junit.QuarkusTest
class StatsQueryPlanTest {

    @Test
    void countsFromTheCountStoreAndScansNothing() {
        Plan plan = QueryPlans.explain(StatsRepository.COUNTS, Map.of());

        assertThat(QueryPlans.operators(plan))
                .as(plan.toString())
                .contains("NodeCountFromCountStore", "RelationshipCountFromCountStore");
        assertThat(QueryPlans.scans(plan)).as(plan.toString()).isEmpty();
        assertThat(QueryPlans.operators(plan)).as(plan.toString()).doesNotContain("Expand(All)", "Expand(Into)");
    }
}
