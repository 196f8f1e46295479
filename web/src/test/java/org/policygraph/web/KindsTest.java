package org.policygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.policygraph.model.Kind;
import org.policygraph.web.entity.Kinds;

class KindsTest {

    @Test
    void thePathRegexNamesEveryKind() {
        assertThat(Kinds.PATH_REGEX.split("\\|"))
                .containsExactlyInAnyOrder(
                        Arrays.stream(Kind.values()).map(Kind::plural).toArray(String[]::new));
    }
}
