package org.policygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.DataFiles;

/**
 * The whole default data with one real file damaged, as copies get damaged (cut short part-way, saved in another
 * encoding, edited by hand): the ingest is refused, and an error names the damaged file and its line. The
 * readers' own tests damage the Formex, Epoch and FMTI files in other ways; this class covers the files without
 * an end marker, the SB 53 Markdown, the curated YAML and the Open Source AI Index's YAML, whose first part reads
 * as valid data when the rest is lost.
 */
class CorruptedCopiesTest {

    static final String BILL = "ca-sb-53/SB-53.md";

    @Test
    void refusesTheSb53TextCutShortPartWayThroughASection() {
        String error = refusedWith(BILL, cutAfter("a mechanism to be used by a frontier developer"));
        assertThat(error)
                .isEqualTo(BILL + ":220: does not end with a line break, so it may be cut short (its "
                        + "last line ends \"...establish a mechanism to be used by a frontier developer\"); if the "
                        + "file is complete, end it with a line break");
    }

    @Test
    void refusesTheSb53TextWithASectionNumberedTwice() {
        String error = refusedWith(BILL, text -> text.replace("**22757.14.**", "**22757.13.**"));
        assertThat(error)
                .isEqualTo(BILL + ":274 record ca-sb-53-bpc-22757-13: is the second section numbered "
                        + "22757.13 in this bill");
    }

    @Test
    void refusesACuratedYamlFileCutShortPartWayThroughAQuote() {
        // cut here, the file is still valid YAML: the AI Act's record loses its relationships, the omnibus its record
        String error = refusedWith("regulations/eu.yaml", cutAfter("quote: Regulation (EU) 2024/1689 of the Euro"));
        assertThat(error).startsWith("regulations/eu.yaml:25: does not end with a line break, so it may be cut short");
    }

    @Test
    void refusesACuratedYamlFileSavedInWindows1252() {
        String error = refusedWith("claims/essay.yaml", Function.identity(), Charset.forName("windows-1252"));
        assertThat(error).startsWith("claims/essay.yaml:").contains("is not UTF-8");
    }

    @Test
    void refusesACuratedYamlFileWithAnIndentationSlip() {
        String error = refusedWith(
                "regulations/eu.yaml", text -> text.replaceFirst("\n  relationships:", "\n relationships:"));
        assertThat(error).startsWith("regulations/eu.yaml:33: is not valid YAML");
    }

    @Test
    void refusesAnOpenSourceAiIndexFileCutShort() {
        String error = refusedWith("osai-index/yaml/AMD OLMo.yaml", cutAfter("weights_endmodel:"));
        assertThat(error)
                .startsWith("osai-index/yaml/AMD OLMo.yaml:")
                .contains(" record amd-olmo: has none of the "
                        + "parameters trainingcode, code, hardware_architecture, preprint, paper, modelcard, datasheet, "
                        + "licenses and does not end with a line break, so it may be cut short");
    }

    private static UnaryOperator<String> cutAfter(String words) {
        return text -> {
            int at = text.indexOf(words, text.indexOf("## BILL TEXT") + 1);
            assertThat(at).as("the file holds '%s'", words).isPositive();
            return text.substring(0, at + words.length());
        };
    }

    private static String refusedWith(String path, Function<String, String> change) {
        return refusedWith(path, change, StandardCharsets.UTF_8);
    }

    /**
     * Runs the whole ingest on the default data with one file changed and saved in {@code charset}; returns the
     * error that names the changed file, after checking that there is exactly one.
     */
    private static String refusedWith(String path, Function<String, String> change, Charset charset) {
        List<DataFile> files = new ArrayList<>();
        for (DataFile file : DataFiles.defaults()) {
            if (file.path().equals(path)) {
                byte[] changed = change.apply(new String(file.bytes().get(), StandardCharsets.UTF_8))
                        .getBytes(charset);
                files.add(new DataFile(path, () -> changed));
            } else {
                files.add(file);
            }
        }
        assertThat(files).extracting(DataFile::path).contains(path);

        ValidationFailedException refused =
                catchThrowableOfType(() -> Ingest.defaults().run(files, null, true), ValidationFailedException.class);

        assertThat(refused).as("the damaged copy of %s is refused", path).isNotNull();
        assertThat(refused.getMessage()).contains("nothing was written");
        List<String> naming = refused.errors().stream()
                .map(Object::toString)
                .filter(e -> e.startsWith(path + ":"))
                .toList();
        assertThat(naming)
                .as("errors naming %s among %s", path, refused.errors())
                .hasSize(1);
        return naming.get(0);
    }
}
