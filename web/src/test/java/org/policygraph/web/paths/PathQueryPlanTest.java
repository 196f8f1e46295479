package org.policygraph.web.paths;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Plan;
import org.policygraph.web.QueryPlans;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The path query finds both ends by the id constraint's index and scans no label. */
class PathQueryPlanTest {

    @Test
    void startsFromTheIdIndexAtBothEndsAndScansNoLabel() {
        Plan plan = QueryPlans.explain(PathRepository.PATHS.formatted(20, PathQuery.DEFAULT_MAX),
                Map.of("from", "anthropic", "to", "eu-ai-act", "limit", PathQuery.LIMIT,
                        "excludeTypes", List.of(), "excludeNodes", List.of()));

        assertThat(QueryPlans.start(plan)).as(plan.toString()).isEqualTo("NodeUniqueIndexSeek");
        assertThat(QueryPlans.operators(plan).stream().filter(o -> o.equals("NodeUniqueIndexSeek")))
                .as(plan.toString()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(QueryPlans.scans(plan)).as(plan.toString()).isEmpty();
    }
}
