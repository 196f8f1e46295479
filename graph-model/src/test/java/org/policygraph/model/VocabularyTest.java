package org.policygraph.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policygraph.model.schema.SchemaScripts;

class VocabularyTest {

    @Test
    void everyKindHasAnIdConstraintInTheSchemaFiles() {
        List<String> statements = SchemaScripts.allStatements();
        for (Kind kind : Kind.values()) {
            assertThat(statements)
                    .as(kind.label())
                    .anyMatch(s -> s.contains("FOR (n:" + kind.label() + ") REQUIRE n.id IS UNIQUE"));
        }
        assertThat(statements).anyMatch(s -> s.contains("CREATE FULLTEXT INDEX entity_search IF NOT EXISTS"));
        assertThat(SchemaScripts.all())
                .extracting(SchemaScripts.Script::version)
                .isSorted();
    }

    @Test
    void kindsAreFoundByTheirUrlNameAndLabel() {
        assertThat(Kind.byPlural("risk-tiers")).contains(Kind.RISK_TIER);
        assertThat(Kind.byLabel("RiskTier")).contains(Kind.RISK_TIER);
        assertThat(Kind.byPlural("unicorns")).isEmpty();
    }

    @Test
    void relationshipTypesSayWhichKindsTheyJoin() {
        assertThat(RelType.ENDORSED.allows(Kind.ORGANISATION, Kind.REGULATION)).isTrue();
        assertThat(RelType.ENDORSED.allows(Kind.REGULATION, Kind.ORGANISATION)).isFalse();
        assertThat(RelType.ADDRESSES.allows(Kind.MODEL, Kind.CONCEPT)).isTrue();
    }

    @Test
    void slugsAreStableAndReadable() {
        assertThat(Ids.slug("GPT-4o (May 2024)")).isEqualTo("gpt-4o-may-2024");
        assertThat(Ids.slug("Mistral AI")).isEqualTo("mistral-ai");
        assertThat(Ids.slug("Zürich Über-Model")).isEqualTo("zurich-uber-model");
        assertThat(Ids.isSlug("eu-ai-act")).isTrue();
        assertThat(Ids.isSlug("EU AI Act")).isFalse();
    }

    @Test
    void propertyTypesCoerceAndExplainWhatIsWrong() {
        assertThat(PropertyType.NUMBER.coerce("1.326e+24")).isEqualTo(1.326e24);
        assertThat(PropertyType.INTEGER.coerce(5)).isEqualTo(5L);
        assertThat(PropertyType.DATE.coerce("2024-08")).isEqualTo("2024-08");
        assertThat(PropertyType.TEXT_LIST.coerce(List.of("a", 1))).isEqualTo(List.of("a", "1"));
        assertThatThrownBy(() -> PropertyType.DATE.coerce("1 August 2024"))
                .hasMessage("must be a date (YYYY, YYYY-MM or YYYY-MM-DD), but is \"1 August 2024\"");
        assertThatThrownBy(() -> PropertyType.URL.coerce("eur-lex")).hasMessageStartingWith("must be a web address");
        assertThatThrownBy(() -> PropertyType.INTEGER.coerce(Map.of()))
                .hasMessageStartingWith("must be a whole number");
    }

    @Test
    void provenanceRoundTripsThroughParallelLists() {
        var props = new java.util.HashMap<String, Object>();
        List<SourceRef> refs = List.of(new SourceRef("a", "Article 1", null), new SourceRef("b", "row 3", "q"));
        Provenance.put(props, refs);
        assertThat(props).containsEntry("sources", List.of("a", "b")).containsEntry("quotes", List.of("", "q"));
        assertThat(Provenance.read(props)).isEqualTo(refs);
    }
}
