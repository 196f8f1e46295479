package org.policygraph.ingest.read.formex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policygraph.ingest.IngestError;
import org.policygraph.ingest.read.DataFile;
import org.policygraph.ingest.read.FileReader;
import org.policygraph.ingest.read.GraphBatch;
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.Origin;
import org.policygraph.model.RelType;
import org.policygraph.model.RelationshipRecord;
import org.policygraph.model.SourceRef;

/**
 * Reads an EU act from the Official Journal's Formex 4 XML files (one folder per act, the files copied unchanged
 * from the Publications Office): every recital, article and annex becomes a {@link Kind#PROVISION Provision}
 * linked to the act's {@link Kind#REGULATION Regulation} by {@link RelType#HAS_PROVISION HAS_PROVISION}, and the
 * bibliographic file gives the Regulation's official id, CELEX number, ELI and adoption date.
 *
 * <p>Records are contributed ({@link GraphBatch#contribute(NodeRecord)}), so curated records of the same ids (an
 * article annotated by hand, the Regulation's summary) are merged with them. Each file is read whole before
 * anything is taken from it: a malformed or truncated file gives one error naming the file, the parser's line and
 * column and the provision it was reading, and no records.
 *
 * <p>Provision ids are the Regulation's id with {@code -recital-<n>}, {@code -article-<n>} or
 * {@code -annex-<roman numeral in lower case>}. {@code position} orders provisions as the Journal prints them:
 * recitals at their number, articles at 1000 plus theirs, annexes at 2000 plus theirs (Article 5 is 1005, Annex
 * III is 2003), so that each file can be read on its own.
 */
public final class FormexReader implements FileReader {

    /**
     * The act one folder holds.
     *
     * @param folder       the data folder holding the act's Formex files
     * @param regulationId the id of the act's Regulation node; provision ids start with it
     * @param sourceId     the id of the Source record for the Official Journal text
     * @param shortName    how provision names cite the act, e.g. "AI Act" in "AI Act Article 5: ..."
     * @param eli          the act's European Legislation Identifier, which its bibliographic file must carry
     */
    public record Act(String folder, String regulationId, String sourceId, String shortName, String eli) {

        /** The act on EUR-Lex: the ELI address on eur-lex.europa.eu, where provision anchors work. */
        public String url() {
            return eli.replaceFirst("^https?://data\\.europa\\.eu/eli/", "https://eur-lex.europa.eu/eli/");
        }
    }

    /** Regulation (EU) 2024/1689, the AI Act, in {@code eu-ai-act-formex/}. */
    public static final Act AI_ACT = new Act(
            "eu-ai-act-formex", "eu-ai-act", "eur-lex-ai-act", "AI Act", "http://data.europa.eu/eli/reg/2024/1689/oj");

    static final int ARTICLE_POSITIONS = 1000;
    static final int ANNEX_POSITIONS = 2000;

    private static final Pattern ELI_NUMBER = Pattern.compile("/eli/[a-z_]+/(\\d{4})/(\\d+)/");
    private static final Pattern ARTICLE_HEADING = Pattern.compile("Article (\\d+)([a-z]*)");
    private static final Pattern ANNEX_HEADING = Pattern.compile("ANNEX ([IVXLCDM]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RECITAL_NUMBER = Pattern.compile("\\((\\d+)\\)");
    private static final Pattern OFFICIAL_ID =
            Pattern.compile("^((?:Regulation|Directive|Decision)\\b.*?\\d{4}/\\d+) of ");
    private static final Pattern SHORT_TITLE = Pattern.compile("\\(([^()]+)\\)\\s*$");
    private static final Map<String, String> CELEX_TYPES = Map.of("REG", "R", "DIR", "L", "DEC", "D");

    private final Act act;

    /** A reader for the AI Act's folder. */
    public FormexReader() {
        this(AI_ACT);
    }

    /** A reader for another act's folder. */
    public FormexReader(Act act) {
        this.act = act;
    }

    @Override
    public boolean accepts(DataFile file) {
        return act.folder().equals(file.folder()) && file.path().endsWith(".xml");
    }

    @Override
    public void read(DataFile file, GraphBatch batch) {
        XmlElement root;
        try {
            root = XmlElement.parse(file.bytes().get());
        } catch (XmlElement.MalformedXmlException e) {
            String where = e.open().stream()
                    .map(FormexReader::label)
                    .flatMap(Optional::stream)
                    .findFirst()
                    .map(label -> ", in " + label)
                    .orElse("");
            batch.error(new IngestError(
                    file.path(),
                    e.line(),
                    null,
                    null,
                    e.getMessage() + " (column " + e.column() + where + "); nothing was read from this file"));
            return;
        }
        Reading reading = new Reading(file.path());
        switch (root.name()) {
            case "ACT" -> readAct(root, reading);
            case "ANNEX" -> readAnnex(root, reading);
            case "DOC" -> readBibliography(root, reading);
            case "PUBLICATION" -> {
                // the Official Journal issue's table of contents: nothing in it that the other files lack
            }
            default ->
                reading.error(
                        root,
                        null,
                        "has the root element <" + root.name() + ">, but a Formex file of "
                                + "an act has <ACT>, <ANNEX>, <DOC> or <PUBLICATION>");
        }
        reading.commit(batch);
    }

    private void readAct(XmlElement root, Reading reading) {
        checkDocumentNumber(root.path("BIB.INSTANCE", "NO.DOC"), root, reading);
        for (XmlElement consid : root.path("PREAMBLE", "GR.CONSID")
                .map(g -> g.elements("CONSID"))
                .orElse(List.of())) {
            Optional<XmlElement> np = consid.element("NP");
            String numberText =
                    np.flatMap(n -> n.element("NO.P")).map(FormexText::inline).orElse("");
            Matcher number = RECITAL_NUMBER.matcher(numberText);
            if (np.isEmpty() || !number.matches()) {
                reading.error(
                        consid,
                        null,
                        "has a recital without a number like (12); it starts \"" + abbreviate(FormexText.inline(consid))
                                + "\"");
                continue;
            }
            int n = Integer.parseInt(number.group(1));
            reading.provision(
                    consid,
                    "recital",
                    String.valueOf(n),
                    null,
                    null,
                    null,
                    FormexText.blocks(np.get(), "NO.P"),
                    "rct_" + n,
                    n,
                    "Recital " + n);
        }
        Optional<XmlElement> terms = root.element("ENACTING.TERMS");
        if (terms.isEmpty()) {
            reading.error(root, null, "has no <ENACTING.TERMS>, so no articles");
            return;
        }
        readDivision(terms.get(), null, null, reading);
    }

    /** Reads the articles of a chapter or section, and of the divisions inside it. */
    private void readDivision(XmlElement division, String chapter, String section, Reading reading) {
        for (XmlElement child : division.elements()) {
            if (child.name().equals("DIVISION")) {
                String label = child.path("TITLE", "TI")
                        .map(FormexText::inline)
                        .map(FormexText::sentenceCase)
                        .orElse("");
                String title = child.path("TITLE", "STI")
                        .map(FormexText::inline)
                        .map(FormexText::sentenceCase)
                        .orElse("");
                String heading = title.isEmpty() ? label : label + " — " + title;
                String level = label.split(" ")[0].toLowerCase(Locale.ROOT);
                if (level.equals("chapter")) {
                    readDivision(child, heading, null, reading);
                } else if (level.equals("section")) {
                    readDivision(child, chapter, heading, reading);
                } else {
                    // other levels (titles, parts, subsections) are not properties of a provision
                    readDivision(child, chapter, section, reading);
                }
            } else if (child.name().equals("ARTICLE")) {
                readArticle(child, chapter, section, reading);
            }
        }
    }

    private void readArticle(XmlElement article, String chapter, String section, Reading reading) {
        String heading = article.element("TI.ART").map(FormexText::inline).orElse("");
        Matcher number = ARTICLE_HEADING.matcher(heading);
        if (!number.matches()) {
            reading.error(
                    article,
                    null,
                    "has an article headed \"" + heading + "\" where \"Article\" and a number " + "were expected");
            return;
        }
        String n = number.group(1) + number.group(2);
        String title = article.element("STI.ART").map(FormexText::inline).orElse(null);
        reading.provision(
                article,
                "article",
                n,
                title,
                chapter,
                section,
                FormexText.blocks(article, "TI.ART", "STI.ART"),
                "art_" + n,
                ARTICLE_POSITIONS + Integer.parseInt(number.group(1)),
                "Article " + n);
    }

    private void readAnnex(XmlElement root, Reading reading) {
        checkDocumentNumber(root.path("BIB.INSTANCE", "NO.DOC"), root, reading);
        List<XmlElement> ti = root.path("TITLE", "TI").map(t -> t.elements("P")).orElse(List.of());
        String heading = ti.isEmpty() ? "" : FormexText.inline(ti.get(0));
        Matcher number = ANNEX_HEADING.matcher(heading);
        if (!number.matches()) {
            reading.error(
                    root,
                    null,
                    "has an annex headed \"" + heading + "\" where \"ANNEX\" and a Roman numeral " + "were expected");
            return;
        }
        String roman = number.group(1).toUpperCase(Locale.ROOT);
        // most annexes give their title as a subtitle; Annex X of the AI Act gives it as a second title line
        String title = root.path("TITLE", "STI")
                .map(FormexText::inline)
                .orElse(String.join(
                        " ",
                        ti.subList(1, ti.size()).stream()
                                .map(FormexText::inline)
                                .toList()));
        Optional<XmlElement> contents = root.element("CONTENTS");
        if (contents.isEmpty()) {
            reading.error(root, null, "has no <CONTENTS> for Annex " + roman);
            return;
        }
        reading.provision(
                root,
                "annex",
                roman,
                title.isBlank() ? null : title,
                null,
                null,
                FormexText.blocks(contents.get()),
                "anx_" + roman,
                ANNEX_POSITIONS + romanValue(roman),
                "Annex " + roman);
    }

    /** The bibliographic file: the Regulation's official id, CELEX number, ELI and adoption date. */
    private void readBibliography(XmlElement root, Reading reading) {
        checkDocumentNumber(root.path("BIB.DOC", "NO.DOC"), root, reading);
        Optional<XmlElement> eliElement = root.path("BIB.DOC", "NO.ELI");
        String eli = eliElement.map(e -> e.attribute("ID")).orElse(null);
        if (!act.eli().equals(eli)) {
            reading.error(
                    eliElement.orElse(root),
                    act.regulationId(),
                    eli == null
                            ? "has no ELI (<NO.ELI ID=...>); folder " + act.folder() + "/ holds " + act.eli()
                            : "has the ELI " + eli + ", but folder " + act.folder() + "/ holds " + act.eli());
            return;
        }
        Optional<XmlElement> titleElement = root.path("PDF", "ITEM.VOLUME", "TITLE", "TI");
        String title = titleElement.map(FormexText::inline).orElse("");
        Matcher officialId = OFFICIAL_ID.matcher(title);
        if (!officialId.find()) {
            reading.error(
                    titleElement.orElse(root),
                    act.regulationId(),
                    "has the title \"" + abbreviate(title)
                            + "\", which does not start with the act's type and number, like \"Regulation (EU) 2024/1689 of\"");
            return;
        }
        Matcher shortTitleMatch = SHORT_TITLE.matcher(title);
        String shortTitle = shortTitleMatch.find() ? shortTitleMatch.group(1) : null;
        // the Journal's short title is "Artificial Intelligence Act"; the name says whose act it is
        String name = shortTitle == null ? officialId.group(1) : "EU " + shortTitle;
        String legalValue = root.path("FMX", "DOC.MAIN.PUB", "LEGAL.VALUE")
                .map(XmlElement::text)
                .orElse("")
                .strip();
        String adopted = root.path("FMX", "DOC.MAIN.PUB", "DATE")
                .map(d -> d.attribute("ISO"))
                .orElse("");

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("official_id", officialId.group(1));
        if (legalValue.equals("REG")) {
            properties.put("instrument_type", "regulation");
        }
        if (adopted.matches("\\d{8}")) {
            properties.put(
                    "adopted", adopted.substring(0, 4) + "-" + adopted.substring(4, 6) + "-" + adopted.substring(6));
        }
        Matcher number = ELI_NUMBER.matcher(eli);
        if (number.find() && CELEX_TYPES.containsKey(legalValue)) {
            properties.put(
                    "celex",
                    "3" + number.group(1) + CELEX_TYPES.get(legalValue)
                            + "0".repeat(Math.max(0, 4 - number.group(2).length())) + number.group(2));
        }
        properties.put("eli", eli);
        properties.put("url", act.url());
        List<String> aliases = new ArrayList<>(List.of(officialId.group(1)));
        if (shortTitle != null) {
            aliases.add(shortTitle);
        }
        reading.node(new NodeRecord(
                Kind.REGULATION,
                act.regulationId(),
                name,
                aliases,
                null,
                properties,
                List.of(new SourceRef(act.sourceId(), "Title", null)),
                reading.origin(root)));
    }

    /** Refuses a file of another act put in this act's folder. */
    private void checkDocumentNumber(Optional<XmlElement> noDoc, XmlElement root, Reading reading) {
        Matcher expected = ELI_NUMBER.matcher(act.eli());
        if (noDoc.isEmpty() || !expected.find()) {
            return;
        }
        String year =
                noDoc.get().element("YEAR").map(XmlElement::text).orElse("").strip();
        String current = noDoc.get()
                .element("NO.CURRENT")
                .map(XmlElement::text)
                .orElse("")
                .strip();
        if (!year.equals(expected.group(1)) || !current.equals(expected.group(2))) {
            reading.error(
                    noDoc.get(),
                    null,
                    "is Official Journal document " + year + "/" + current + ", but folder " + act.folder() + "/ holds "
                            + expected.group(1) + "/" + expected.group(2) + " (" + act.eli() + ")");
        }
    }

    /** What an element being read is, for error messages: "Article 5", "Annex III", "Recital (12)". */
    private static Optional<String> label(XmlElement element) {
        return switch (element.name()) {
            case "ARTICLE" -> element.element("TI.ART").map(FormexText::inline);
            case "CONSID" -> element.path("NP", "NO.P").map(n -> "Recital " + FormexText.inline(n));
            case "ANNEX" ->
                element.path("TITLE", "TI", "P").map(FormexText::inline).map(FormexText::sentenceCase);
            case "DIVISION" ->
                element.path("TITLE", "TI").map(FormexText::inline).map(FormexText::sentenceCase);
            case "GR.CONSID" -> Optional.of("the recitals");
            default -> Optional.empty();
        };
    }

    static int romanValue(String roman) {
        Map<Character, Integer> values = Map.of('I', 1, 'V', 5, 'X', 10, 'L', 50, 'C', 100, 'D', 500, 'M', 1000);
        int total = 0;
        for (int i = 0; i < roman.length(); i++) {
            int value = values.get(roman.charAt(i));
            boolean subtract = i + 1 < roman.length() && values.get(roman.charAt(i + 1)) > value;
            total += subtract ? -value : value;
        }
        return total;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** What one file gave: records are handed to the batch only if the whole file was read without error. */
    private final class Reading {
        private final String path;
        private final List<NodeRecord> nodes = new ArrayList<>();
        private final List<RelationshipRecord> relationships = new ArrayList<>();
        private final List<IngestError> errors = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();

        Reading(String path) {
            this.path = path;
        }

        Origin origin(XmlElement element) {
            return new Origin(path, element.line());
        }

        void node(NodeRecord node) {
            nodes.add(node);
        }

        void provision(
                XmlElement element,
                String type,
                String number,
                String title,
                String chapter,
                String section,
                String text,
                String anchor,
                int position,
                String locator) {
            String id = act.regulationId() + "-" + type + "-" + number.toLowerCase(Locale.ROOT);
            if (!ids.add(id)) {
                error(element, id, "is the second " + type + " numbered " + number + " in this file");
                return;
            }
            if (text.isBlank()) {
                error(element, id, "has no text for " + locator);
                return;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("provision_type", type);
            properties.put("number", number);
            if (title != null) {
                properties.put("title", title);
            }
            if (chapter != null) {
                properties.put("chapter", chapter);
            }
            if (section != null) {
                properties.put("section", section);
            }
            properties.put("text", text);
            properties.put("url", act.url() + "#" + anchor);
            properties.put("position", (long) position);
            String name = act.shortName() + " " + locator + (title == null ? "" : ": " + title);
            List<SourceRef> sources = List.of(new SourceRef(act.sourceId(), locator, null));
            nodes.add(new NodeRecord(Kind.PROVISION, id, name, List.of(), null, properties, sources, origin(element)));
            relationships.add(new RelationshipRecord(
                    RelType.HAS_PROVISION,
                    act.regulationId(),
                    id,
                    Map.of("position", (long) position),
                    sources,
                    origin(element)));
        }

        void error(XmlElement element, String record, String message) {
            errors.add(new IngestError(
                    path, element.line(), record, null, message + " (column " + element.column() + ")"));
        }

        void commit(GraphBatch batch) {
            if (!errors.isEmpty()) {
                errors.forEach(batch::error);
                return;
            }
            nodes.forEach(batch::contribute);
            relationships.forEach(batch::contribute);
        }
    }
}
