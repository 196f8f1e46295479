package org.policygraph.ingest.read;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.policygraph.model.Kind;
import org.policygraph.model.NodeRecord;
import org.policygraph.model.Origin;
import org.policygraph.model.RelType;
import org.policygraph.model.RelationshipRecord;
import org.policygraph.model.SourceRef;

/**
 * Reads the text of a California bill, as chaptered, from the Markdown conversion of the official text on
 * California Legislative Information (leginfo): every code section the bill adds or amends, and every section of
 * the bill that goes into no code (findings, severability), becomes a {@link Kind#PROVISION Provision} linked to
 * the bill's {@link Kind#REGULATION Regulation} by {@link RelType#HAS_PROVISION HAS_PROVISION}.
 *
 * <p>A bill lives in a folder named after it, {@code ca-sb-53/} for Senate Bill 53 or {@code ca-ab-2013/} for an
 * Assembly Bill: that name is the Regulation's id, and the Source record for its text is
 * {@code ca-leginfo-sb-53}. The layout read is: {@code # Senate Bill No. 53}; a {@code **Source:**} line with the
 * leginfo address and its {@code bill_id}; the chapter and approval lines; the Legislative Counsel's Digest
 * (skipped); then after {@code ## BILL TEXT} a {@code ### SECTION 1.} or {@code ### SEC. n.} heading for each
 * section of the bill. A bill section whose heading ends "to read:" puts text into the code it names, under
 * optional {@code #### CHAPTER n. Title} headings, one code section per {@code **22757.12.**} paragraph.
 *
 * <p>Code sections get ids like {@code ca-sb-53-bpc-22757-12} (the code's leginfo abbreviation and the section
 * number), bill sections {@code ca-sb-53-sec-1}. Records are contributed, so curated records of the same ids are
 * merged with them; a file with any error contributes nothing.
 */
public final class CaliforniaBillReader implements FileReader {

    /** The California codes by name, with the abbreviations leginfo uses for them ({@code lawCode=BPC}). */
    static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("Business and Professions Code", "BPC"),
            Map.entry("Civil Code", "CIV"),
            Map.entry("Code of Civil Procedure", "CCP"),
            Map.entry("Commercial Code", "COM"),
            Map.entry("Corporations Code", "CORP"),
            Map.entry("Education Code", "EDC"),
            Map.entry("Elections Code", "ELEC"),
            Map.entry("Evidence Code", "EVID"),
            Map.entry("Family Code", "FAM"),
            Map.entry("Financial Code", "FIN"),
            Map.entry("Government Code", "GOV"),
            Map.entry("Health and Safety Code", "HSC"),
            Map.entry("Insurance Code", "INS"),
            Map.entry("Labor Code", "LAB"),
            Map.entry("Penal Code", "PEN"),
            Map.entry("Probate Code", "PROB"),
            Map.entry("Public Contract Code", "PCC"),
            Map.entry("Public Resources Code", "PRC"),
            Map.entry("Public Utilities Code", "PUC"),
            Map.entry("Revenue and Taxation Code", "RTC"),
            Map.entry("Unemployment Insurance Code", "UIC"),
            Map.entry("Vehicle Code", "VEH"),
            Map.entry("Welfare and Institutions Code", "WIC"));

    private static final Pattern FOLDER = Pattern.compile("ca-(sb|ab)-(\\d+)");
    private static final Pattern TITLE = Pattern.compile("# (.+)");
    private static final Pattern SOURCE = Pattern.compile("\\*\\*Source:\\*\\*\\s*(\\S+)");
    private static final Pattern BILL_ID = Pattern.compile("[?&]bill_id=(\\d{9}[A-Z]+\\d+)");
    private static final Pattern CHAPTERED = Pattern.compile("\\*\\*CHAPTER (\\d+)\\*\\*");
    private static final Pattern APPROVED =
            Pattern.compile("\\[\\s*Approved by Governor\\s+([A-Z][a-z]+ \\d{1,2}, \\d{4})\\.");
    private static final Pattern BILL_SECTION = Pattern.compile("### (SECTION|SEC\\.) (\\d+)\\.\\s*(.*)");
    private static final Pattern CODE_CHAPTER = Pattern.compile("#### CHAPTER (\\d+(?:\\.\\d+)*)\\.\\s+(.+)");
    private static final Pattern CODE_SECTION = Pattern.compile("\\*\\*(\\d+(?:\\.\\d+)*)\\.\\*\\*\\s*(.*)");
    private static final DateTimeFormatter APPROVAL_DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

    @Override
    public boolean accepts(DataFile file) {
        return FOLDER.matcher(file.folder()).matches() && file.path().endsWith(".md");
    }

    @Override
    public void read(DataFile file, GraphBatch batch) {
        String text;
        try {
            text = Utf8.decode(file.bytes().get());
        } catch (Utf8.NotUtf8Exception e) {
            batch.error(new IngestError(file.path(), e.where.line(), null, null, Utf8.describe(e.where)));
            return;
        }
        Optional<IngestError> cut = DataText.cutShort(file, text);
        if (cut.isPresent()) {
            batch.error(cut.get()); // a bill cut after any section would otherwise read as a shorter bill
            return;
        }
        Matcher folder = FOLDER.matcher(file.folder());
        if (!folder.matches()) {
            throw new IllegalStateException("accepts() let in " + file.path());
        }
        String label = folder.group(1).toUpperCase(Locale.ROOT) + " " + folder.group(2);
        Bill bill = new Bill(file.path(), file.folder(), label);
        bill.read(text.lines().toList());
        bill.commit(batch);
    }

    /** One bill file being read: its header facts, the provision being collected, and what was read so far. */
    private static final class Bill {
        private final String path;
        private final String regulationId;
        private final String sourceId;
        private final String label;
        private final List<NodeRecord> nodes = new ArrayList<>();
        private final List<RelationshipRecord> relationships = new ArrayList<>();
        private final List<IngestError> errors = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();

        private String title;
        private int titleLine;
        private String source;
        private String billId;
        private String chapter;
        private LocalDate approved;

        /** The bill section being read, and the code it puts text into (null for an uncodified section). */
        private String billSection;

        private String code;
        private String codeChapter;
        private Provision current;
        private boolean skipping;

        Bill(String path, String regulationId, String label) {
            this.path = path;
            this.regulationId = regulationId;
            this.sourceId = "ca-leginfo-" + regulationId.substring("ca-".length());
            this.label = label;
        }

        void read(List<String> lines) {
            boolean billText = false;
            for (int i = 0; i < lines.size(); i++) {
                int lineNumber = i + 1;
                String line = lines.get(i).strip();
                if (!billText) {
                    billText = line.equals("## BILL TEXT");
                    header(line, lineNumber);
                } else {
                    billText(line, lineNumber);
                }
            }
            finishProvision();
            if (!billText) {
                error(lines.size(), null, "has no \"## BILL TEXT\" heading, so no sections were read");
            }
            if (source == null) {
                error(1, null, "has no \"**Source:**\" line with the leginfo address and its bill_id");
            }
            if (nodes.isEmpty() && errors.isEmpty()) {
                error(lines.size(), null, "has no bill section (\"### SECTION 1.\") after \"## BILL TEXT\"");
            }
            if (errors.isEmpty()) {
                regulation();
            }
        }

        private void header(String line, int lineNumber) {
            Matcher m;
            if (title == null && (m = TITLE.matcher(line)).matches()) {
                title = m.group(1).strip();
                titleLine = lineNumber;
            } else if ((m = SOURCE.matcher(line)).lookingAt()) {
                source = m.group(1);
                Matcher id = BILL_ID.matcher(m.group(1));
                if (id.find()) {
                    billId = id.group(1);
                } else {
                    error(
                            lineNumber,
                            null,
                            "gives the source " + m.group(1) + ", which has no bill_id parameter "
                                    + "like bill_id=202520260SB53");
                }
            } else if ((m = CHAPTERED.matcher(line)).matches()) {
                chapter = m.group(1);
            } else if ((m = APPROVED.matcher(line)).lookingAt()) {
                try {
                    approved = LocalDate.parse(m.group(1), APPROVAL_DATE);
                } catch (DateTimeParseException e) {
                    error(
                            lineNumber,
                            null,
                            "gives the approval date \"" + m.group(1) + "\", which is not a date "
                                    + "like September 29, 2025");
                }
            }
        }

        private void billText(String line, int lineNumber) {
            Matcher m;
            if (line.isEmpty()) {
                return;
            }
            if ((m = BILL_SECTION.matcher(line)).matches()) {
                finishProvision();
                billSection = m.group(1) + " " + m.group(2);
                String heading = m.group(3).strip();
                codeChapter = null;
                skipping = false;
                if (heading.endsWith("to read:")) {
                    code = codeNamed(heading).orElse(null);
                    if (code == null) {
                        error(
                                lineNumber,
                                null,
                                billSection + " puts text into a code, but its heading \"" + heading
                                        + "\" names no California code this reader knows; add the code and its leginfo "
                                        + "abbreviation to CaliforniaBillReader.CODES");
                        skipping = true; // its text would only repeat the error line by line
                    }
                } else {
                    code = null;
                    current = new Provision(regulationId + "-sec-" + m.group(2), billSection, lineNumber);
                    current.title = heading.isEmpty() ? null : heading;
                    current.add(heading);
                }
            } else if (skipping) {
                return;
            } else if (line.startsWith("#")) {
                if ((m = CODE_CHAPTER.matcher(line)).matches() && code != null) {
                    finishProvision();
                    codeChapter = "Chapter " + m.group(1) + " — " + m.group(2).strip();
                } else {
                    error(
                            lineNumber,
                            null,
                            "has the heading \"" + line + "\", where a bill section (\"### SEC. 2.\") "
                                    + "or, in a section that adds to a code, a \"#### CHAPTER n. Title\" was expected");
                }
            } else if (code != null && (m = CODE_SECTION.matcher(line)).matches()) {
                finishProvision();
                String number = m.group(1);
                current = new Provision(
                        regulationId + "-" + code.toLowerCase(Locale.ROOT) + "-" + number.replace('.', '-'),
                        number,
                        lineNumber);
                current.code = code;
                current.add(m.group(2));
            } else if (current != null) {
                current.add(line);
            } else if (billSection != null) {
                error(
                        lineNumber,
                        null,
                        "has text in " + billSection + " before its first code section (a line "
                                + "starting with the section number in bold, like \"**22757.10.**\"): \""
                                + abbreviate(line)
                                + "\"");
            }
            // before SECTION 1 comes only the enacting clause, which is no provision
        }

        private void finishProvision() {
            if (current == null) {
                return;
            }
            Provision p = current;
            current = null;
            if (!ids.add(p.id)) {
                error(p.line, p.id, "is the second section numbered " + p.number + " in this bill");
                return;
            }
            if (p.text.isEmpty()) {
                error(p.line, p.id, "has no text");
                return;
            }
            String codeName = p.code == null ? null : codeName(p.code);
            String heading = codeName == null ? p.number : codeName + " section " + p.number;
            String locator = codeName == null ? p.number : heading + " (" + billSection + ")";
            long position = nodes.size() + 1L;
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("provision_type", "section");
            properties.put("number", p.number);
            if (p.code != null) {
                properties.put("title", heading);
                if (codeChapter != null) {
                    properties.put("chapter", codeChapter);
                }
            } else if (p.title != null) {
                properties.put("title", p.title);
            }
            properties.put("text", String.join("\n", p.text));
            properties.put("position", position);
            // url is filled in by regulation(), once the bill id from the header is known
            List<SourceRef> sources = List.of(new SourceRef(sourceId, locator, null));
            Origin origin = new Origin(path, p.line);
            nodes.add(new NodeRecord(
                    Kind.PROVISION, p.id, label + ", " + heading, List.of(), null, properties, sources, origin));
            relationships.add(new RelationshipRecord(
                    RelType.HAS_PROVISION, regulationId, p.id, Map.of("position", position), sources, origin));
        }

        /** The bill itself, and the leginfo address on every provision. */
        private void regulation() {
            String url = "https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=" + billId;
            nodes.replaceAll(n -> {
                Map<String, Object> properties = new LinkedHashMap<>(n.properties());
                properties.put("url", url);
                return new NodeRecord(
                        n.kind(), n.id(), n.name(), n.aliases(), n.summary(), properties, n.sources(), n.origin());
            });
            Map<String, Object> properties = new LinkedHashMap<>();
            String officialId = title == null ? label : title;
            if (chapter != null && approved != null) {
                officialId += " (Chapter " + chapter + ", Statutes of " + approved.getYear() + ")";
            }
            properties.put("official_id", officialId);
            properties.put("instrument_type", "statute");
            if (approved != null) {
                properties.put("adopted", approved.toString());
            }
            properties.put("url", url);
            List<String> aliases = title == null || title.equals(label) ? List.of() : List.of(title);
            nodes.add(new NodeRecord(
                    Kind.REGULATION,
                    regulationId,
                    "California " + label,
                    aliases,
                    null,
                    properties,
                    List.of(new SourceRef(sourceId, "bill header", null)),
                    new Origin(path, Math.max(1, titleLine))));
        }

        private void error(int line, String record, String message) {
            errors.add(new IngestError(path, line, record, null, message));
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

    /** A provision being collected: its id, number, the line it starts at, its heading and its paragraphs. */
    private static final class Provision {
        final String id;
        final String number;
        final int line;
        final List<String> text = new ArrayList<>();
        String title;
        String code;

        Provision(String id, String number, int line) {
            this.id = id;
            this.number = number;
            this.line = line;
        }

        void add(String paragraph) {
            if (!paragraph.isBlank()) {
                text.add(paragraph.strip());
            }
        }
    }

    /** The code a heading like "... is added to Division 8 of the Business and Professions Code, to read:" names. */
    static Optional<String> codeNamed(String heading) {
        // the longest name wins, so that "Code of Civil Procedure" is not read as "Civil Code" or similar
        return CODES.keySet().stream()
                .filter(name -> heading.contains("the " + name))
                .max(Comparator.comparingInt(String::length))
                .map(CODES::get);
    }

    private static String codeName(String abbreviation) {
        return CODES.entrySet().stream()
                .filter(e -> e.getValue().equals(abbreviation))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
