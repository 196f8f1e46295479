package org.policygraph.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.Origin;
import org.policygraph.model.SourceRef;

class GraphBatchTest {

    @Test
    void mergesContributionsOfOneKindAndRefusesAnIdContributedForTwoKinds() {
        GraphBatch batch = new GraphBatch();
        batch.contribute(node(Kind.ORGANISATION, "OpenChat", "a.csv", "row 1"));
        batch.contribute(node(Kind.ORGANISATION, "OpenChat team", "b.yaml", "org.name"));
        batch.contribute(node(Kind.MODEL, "OpenChat", "c.yaml", "system.name"));
        assertThat(batch.nodes()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Kind.ORGANISATION);
            assertThat(n.aliases()).containsExactly("OpenChat team");
            assertThat(n.sources()).hasSize(2);
        });
        assertThat(batch.errors())
                .singleElement()
                .hasToString("c.yaml:3 record openchat field 'id': is the id of a "
                        + "model here and of the organisation read at a.csv:3; ids must be unique across all kinds");
    }

    private static NodeRecord node(Kind kind, String name, String file, String locator) {
        return new NodeRecord(
                kind,
                "openchat",
                name,
                List.of(),
                null,
                Map.of(),
                List.of(new SourceRef("s", locator, null)),
                new Origin(file, 3));
    }
}
