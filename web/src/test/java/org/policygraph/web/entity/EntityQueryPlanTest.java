package org.policygraph.web.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.summary.Plan;
import org.policygraph.model.Kind;
import org.policygraph.web.QueryPlans;

/** The entity page's query starts from the id constraint's index, for every kind, and scans no label. */
@io.quarkus.test.junit.QuarkusTest
class EntityQueryPlanTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void startsFromTheIdIndexAndScansNoLabel(Kind kind) {
        Plan plan = QueryPlans.explain(EntityRepository.find(kind), Map.of("id", "eu-ai-act"));

        assertThat(QueryPlans.start(plan)).as(plan.toString()).isEqualTo("NodeUniqueIndexSeek");
        assertThat(QueryPlans.scans(plan)).as(plan.toString()).isEmpty();
    }
}
