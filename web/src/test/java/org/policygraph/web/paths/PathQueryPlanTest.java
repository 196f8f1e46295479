package org.policygraph.web.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Plan;
import org.policygraph.web.QueryPlans;

/** The path queries find both ends by the id constraint's index and scan no label. */
@io.quarkus.test.junit.QuarkusTest
class PathQueryPlanTest {

    @Test
    void startsFromTheIdIndexAtBothEndsAndScansNoLabel() {
        for (String query : List.of(
                PathRepository.PATHS.formatted(20, PathQuery.DEFAULT_MAX),
                PathRepository.THROUGH_BUSY.formatted(PathQuery.DEFAULT_MAX),
                PathRepository.SHORTEST_LENGTH.formatted(PathQuery.DEFAULT_MAX))) {
            assertStartsFromTheIdIndex(query);
        }
    }

    private static void assertStartsFromTheIdIndex(String query) {
        Plan plan = QueryPlans.explain(
                query,
                Map.of(
                        "from",
                        "anthropic",
                        "to",
                        "eu-ai-act",
                        "limit",
                        PathQuery.LIMIT,
                        "excludeTypes",
                        List.of(),
                        "excludeNodes",
                        List.of(),
                        "busy",
                        PathRepository.BUSY));

        assertThat(QueryPlans.start(plan)).as(plan.toString()).isEqualTo("NodeUniqueIndexSeek");
        assertThat(QueryPlans.operators(plan).stream().filter(o -> o.equals("NodeUniqueIndexSeek")))
                .as(plan.toString())
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(QueryPlans.scans(plan)).as(plan.toString()).isEmpty();
    }
}
