package org.policygraph.web.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Plan;
import org.policygraph.web.QueryPlans;

/** The neighbourhood graph's query starts from the id constraint's index and scans no label. */
@io.quarkus.test.junit.QuarkusTest
class NeighbourhoodQueryPlanTest {

    @Test
    void startsFromTheIdIndexAndScansNoLabel() {
        Plan plan = QueryPlans.explain(NeighbourhoodRepository.NEIGHBOURS, Map.of("id", "eu-ai-act", "cap", 12));

        assertThat(QueryPlans.start(plan)).as(plan.toString()).isEqualTo("NodeUniqueIndexSeek");
        assertThat(QueryPlans.scans(plan)).as(plan.toString()).isEmpty();
    }
}
