package org.policygraph.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/search} finds every entity the essay in {@code essay-ai-alignment-and-regulation} names, under the
 * right kind, by the words the essay uses (and by its own name where the essay's words are wrong).
 */
@QuarkusTest
class EssayEntitiesSearchTest {

    /**
     * A search and the node it must find.
     *
     * @param query what a reader of the essay would type
     * @param id    the node
     * @param kind  its kind's label
     * @param top   how high it must rank: 1 for a name given exactly, more for a description
     */
    record Case(String query, String id, String kind, int top) {}

    static final List<Case> CASES = List.of(
            // organisations
            new Case("OpenAI", "openai", "Organisation", 1),
            new Case("Anthropic", "anthropic", "Organisation", 1),
            new Case("Meta", "meta", "Organisation", 1),
            new Case("Google", "google", "Organisation", 1),
            new Case("DeepMind", "google-deepmind", "Organisation", 1),
            new Case("Google DeepMind", "google-deepmind", "Organisation", 1),
            new Case("Mistral AI", "mistral-ai", "Organisation", 1),
            new Case("DeepSeek", "deepseek", "Organisation", 1),
            new Case("Safe Superintelligence", "safe-superintelligence", "Organisation", 1),
            // the essay's wrong name is the essay's claim, not an alias of the company: it finds the claim, whose
            // correction and ABOUT link lead to Safe Superintelligence Inc.
            new Case("Super Safe Intelligence", "essay-claim-ssi-name-and-location", "Claim", 1),
            new Case("SSI", "safe-superintelligence", "Organisation", 1),
            new Case("European Commission", "european-commission", "Organisation", 1),
            new Case("CCP", "chinese-communist-party", "Organisation", 1),
            // people
            new Case("Mark Zuckerberg", "mark-zuckerberg", "Person", 1),
            new Case("Dario Amodei", "dario-amodei", "Person", 1),
            new Case("Ilya Sutskever", "ilya-sutskever", "Person", 1),
            new Case("Zuckerberg", "mark-zuckerberg", "Person", 5),
            new Case("Ilya", "ilya-sutskever", "Person", 5),
            // models
            new Case("ChatGPT", "chatgpt", "Model", 1),
            new Case("Claude", "claude", "Model", 1),
            new Case("Gemini", "gemini", "Model", 1),
            new Case("Llama", "llama", "Model", 1),
            // regulations
            new Case("EU AI Act", "eu-ai-act", "Regulation", 1),
            new Case("SB 53", "ca-sb-53", "Regulation", 1),
            new Case("SB 53 AI safety bill", "ca-sb-53", "Regulation", 1),
            new Case(
                    "Interim Measures for the Management of Generative AI Services",
                    "cn-generative-ai-measures",
                    "Regulation",
                    1),
            new Case("Deep Synthesis Regulation", "cn-deep-synthesis-provisions", "Regulation", 1),
            new Case("deep synthesis", "cn-deep-synthesis-provisions", "Regulation", 5),
            // jurisdictions
            new Case("EU", "eu", "Jurisdiction", 1),
            // the essay's "Europe" is the European Union; with AGORA's thousand instruments the bare word "Europe"
            // ranks
            // claims and instruments above the jurisdiction, so the test asks for its name
            new Case("European Union", "eu", "Jurisdiction", 5),
            new Case("USA", "us", "Jurisdiction", 1),
            new Case("America", "us", "Jurisdiction", 1),
            new Case("California", "us-ca", "Jurisdiction", 1),
            new Case("China", "cn", "Jurisdiction", 1),
            // risk tiers
            new Case("high risk", "eu-ai-act-high-risk", "RiskTier", 1),
            new Case("frontier developer", "ca-sb-53-frontier-model", "RiskTier", 1),
            new Case("large developer", "ca-sb-53-large-frontier-developer", "RiskTier", 1),
            // obligations
            new Case("EU database registration", "eu-ai-act-high-risk-registration", "Obligation", 5),
            new Case("reporting serious incidents", "eu-ai-act-serious-incident-reporting", "Obligation", 5),
            new Case("marking of AI-generated content", "eu-ai-act-synthetic-content-marking", "Obligation", 5),
            new Case("summary of training content", "eu-ai-act-gpai-training-content-summary", "Obligation", 5),
            new Case("frontier AI framework", "ca-sb-53-frontier-ai-framework", "Obligation", 5),
            new Case(
                    "report critical safety incidents", "ca-sb-53-critical-safety-incident-reporting", "Obligation", 5),
            new Case("SB 53 protect covered employees", "ca-sb-53-whistleblower-protection", "Obligation", 5),
            new Case("adhere to core socialist values", "cn-genai-core-socialist-values", "Obligation", 5),
            new Case("label generated images and videos", "cn-genai-content-labelling", "Obligation", 5),
            new Case("infringe intellectual property", "cn-genai-training-data-ip", "Obligation", 5),
            // concepts
            new Case("AI alignment", "ai-alignment", "Concept", 1),
            new Case("Paperclip Maximizer", "paperclip-maximiser", "Concept", 1),
            new Case("paperclip maximiser", "paperclip-maximiser", "Concept", 1),
            new Case("AI doomerism", "ai-doomerism", "Concept", 1),
            new Case("sentience", "ai-sentience", "Concept", 3),
            new Case("AGI", "agi", "Concept", 1),
            new Case("interpretability", "ai-interpretability", "Concept", 1),
            new Case("guardrails", "ai-guardrails", "Concept", 1),
            new Case("guard railing", "ai-guardrails", "Concept", 1),
            new Case("system prompt", "system-prompt", "Concept", 1),
            new Case("prompt engineering", "prompt-engineering", "Concept", 1),
            new Case("copyright", "copyright-and-ai-training", "Concept", 1),
            new Case("LLM", "large-language-model", "Concept", 1),
            new Case("frontier model", "frontier-model", "Concept", 1),
            new Case("parameters", "model-parameters", "Concept", 1),
            new Case("lying about alignment", "deceptive-alignment", "Concept", 1),
            new Case("race to AGI", "us-china-ai-race", "Concept", 1),
            new Case("censorship", "ai-censorship", "Concept", 3),
            new Case("Core Socialist Values", "core-socialist-values", "Concept", 1),
            new Case("empirical testing", "model-evaluation", "Concept", 1),
            new Case("ImageNet", "imagenet", "Concept", 1),
            new Case("slowing down AI", "ai-development-pace", "Concept", 1),
            new Case("whistleblower", "whistleblower-protection", "Concept", 3),
            new Case("critical incident", "critical-safety-incident", "Concept", 3),
            new Case("AI generated content labelling", "ai-generated-content-labelling", "Concept", 3),
            new Case("risk classification", "risk-based-regulation", "Concept", 1),
            new Case("superintelligence", "superintelligence", "Concept", 1),
            // stances
            new Case(
                    "Meta build and release AI as fast as possible", "stance-meta-build-and-release-fast", "Stance", 5),
            new Case("Anthropic slow AI development down", "stance-anthropic-slow-down", "Stance", 5),
            new Case("Anthropic support for SB 53", "stance-anthropic-supports-sb-53", "Stance", 5));

    @Test
    void findsEveryEntityTheEssayNamesUnderTheRightKind() {
        List<String> misses = new ArrayList<>();
        for (Case c : CASES) {
            List<Map<String, Object>> hits = given().queryParam("q", c.query())
                    .queryParam("limit", 20)
                    .when()
                    .get("/api/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("$");
            List<Map<String, Object>> top = hits.subList(0, Math.min(c.top(), hits.size()));
            boolean found = top.stream()
                    .anyMatch(h -> c.id().equals(h.get("id")) && c.kind().equals(h.get("kind")));
            if (!found) {
                misses.add("'" + c.query() + "' should find " + c.kind() + " " + c.id() + " in the top " + c.top()
                        + ", found "
                        + hits.stream()
                                .limit(5)
                                .map(h -> h.get("kind") + " " + h.get("id"))
                                .toList());
            }
        }
        assertThat(misses).isEmpty();
    }
}
