package org.policygraph.ingest.read.formex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders Formex legal text as plain text, the way the Official Journal prints it: one line for each numbered
 * paragraph, subparagraph, point and heading, each starting with its number ("1.", "(a)", "(iii)"). Superscripts
 * become {@code ^} ("10^25"), Formex quotation marks become the characters they stand for, formatted numbers get
 * the Journal's thousands spaces ("35 000 000"), no-break spaces become plain spaces, and footnotes and page
 * breaks are left out.
 */
final class FormexText {

    /** Elements that start a new line, besides those rendered by a case of their own below. */
    private static final Set<String> BLOCKS = Set.of("ALINEA", "P", "GR.SEQ", "CONTENTS", "CONSID");

    /** Acronyms in the AI Act's upper-case chapter headings, kept in capitals when those are lowered. */
    private static final Set<String> ACRONYMS = Set.of("AI", "EU");

    private static final Pattern ROMAN =
            Pattern.compile("(?=[IVXLCDM])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[;:,.’”)]+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private final List<String> lines = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    /** The number ("1.", "(a)") waiting for the first text of its paragraph or point. */
    private String prefix = "";
    /** The TYPE of each LIST being rendered, innermost first. */
    private final Deque<String> listTypes = new ArrayDeque<>();
    /** Closing quotation marks printed inside a left-out footnote, owed to the end of the quoted passage. */
    private final StringBuilder owedClosers = new StringBuilder();

    private FormexText() {}

    /** The text of an element's children, except those named in {@code skip}, one line per block. */
    static String blocks(XmlElement element, String... skip) {
        FormexText text = new FormexText();
        Set<String> skipped = Set.of(skip);
        for (Object child : element.children()) {
            if (!(child instanceof XmlElement e && skipped.contains(e.name()))) {
                text.node(child);
            }
        }
        text.flush();
        text.payOwedClosers();
        return String.join("\n", text.lines);
    }

    /** The element's text on one line, numbers kept ("1. Introduction"); for headings and titles. */
    static String inline(XmlElement element) {
        String all = blocks(element);
        return clean(all.replace('\n', ' '));
    }

    /**
     * A heading as the Journal prints it in capitals ("PROHIBITED AI PRACTICES", "CHAPTER II") in sentence case
     * ("Prohibited AI practices", "Chapter II"): acronyms and Roman numerals stay in capitals. Headings that are not
     * all in capitals are returned as they are.
     */
    static String sentenceCase(String heading) {
        if (!heading.equals(heading.toUpperCase(Locale.ROOT)) || heading.equals(heading.toLowerCase(Locale.ROOT))) {
            return heading;
        }
        StringBuilder out = new StringBuilder();
        var words = Pattern.compile("[\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+").matcher(heading);
        boolean first = true;
        while (words.find()) {
            String word = words.group();
            if (!Character.isLetterOrDigit(word.charAt(0))) {
                out.append(word);
                continue;
            }
            if (ACRONYMS.contains(word) || (!first && ROMAN.matcher(word).matches())) {
                out.append(word);
            } else {
                String lower = word.toLowerCase(Locale.ROOT);
                out.append(first ? Character.toUpperCase(lower.charAt(0)) + lower.substring(1) : lower);
            }
            first = false;
        }
        return out.toString();
    }

    private void node(Object node) {
        if (node instanceof String s) {
            line.append(s);
            return;
        }
        XmlElement e = (XmlElement) node;
        switch (e.name()) {
            case "NOTE" -> owe(e);
            case "HT" -> {
                if ("SUP".equals(e.attribute("TYPE"))) {
                    line.append('^');
                }
                children(e);
            }
            case "QUOT.START", "QUOT.END" -> line.append(quotationMark(e));
            case "FT" -> {
                String value = e.text().strip();
                line.append(
                        "NUMBER".equals(e.attribute("TYPE")) && value.matches("\\d{5,}")
                                ? value.replaceAll("\\B(?=(\\d{3})+$)", " ")
                                : value);
            }
            case "PARAG" -> numbered(e, "NO.PARAG");
            case "NP" -> numbered(e, "NO.P");
            case "LIST" -> {
                flush();
                listTypes.push(String.valueOf(e.attribute("TYPE")));
                children(e);
                listTypes.pop();
                flush();
            }
            case "ITEM" -> {
                flush();
                if (e.element("NP").isEmpty() && !listTypes.isEmpty()) {
                    // unnumbered points are printed with a dash or bullet before them
                    prefix = prefix
                            + switch (listTypes.peek()) {
                                case "DASH" -> "— ";
                                case "NDASH" -> "– ";
                                case "BULLET" -> "• ";
                                default -> "";
                            };
                }
                children(e);
                flush();
            }
            case "TITLE" -> {
                flush();
                String ti = e.element("TI").map(FormexText::inline).orElse("");
                String sti = e.element("STI").map(FormexText::inline).orElse("");
                line.append(ti.isEmpty() || sti.isEmpty() ? ti + sti : ti + " — " + sti);
                flush();
            }
            case "QUOT.S" -> {
                flush();
                String outer = owedClosers.toString();
                owedClosers.setLength(0);
                children(e);
                flush();
                payOwedClosers();
                owedClosers.append(outer);
            }
            default -> {
                boolean block = BLOCKS.contains(e.name());
                if (block) {
                    flush();
                }
                children(e);
                if (block) {
                    flush();
                }
            }
        }
    }

    private void children(XmlElement e) {
        for (Object child : e.children()) {
            node(child);
        }
    }

    /** A paragraph or point: its number goes before its first line of text. */
    private void numbered(XmlElement e, String numberElement) {
        flush();
        String number = e.element(numberElement).map(FormexText::inline).orElse("");
        prefix = prefix + (number.isEmpty() ? "" : number + " ");
        for (Object child : e.children()) {
            if (!(child instanceof XmlElement c && c.name().equals(numberElement))) {
                node(child);
            }
        }
        flush();
    }

    /**
     * A footnote is left out, but a quotation that ends inside it (as amending articles print their closing mark
     * after the footnote) still ends: its closing marks are added at the end of the quoted passage.
     */
    private void owe(XmlElement note) {
        List<XmlElement> ends = note.descendants("QUOT.END");
        int unmatched = ends.size() - note.descendants("QUOT.START").size();
        for (XmlElement end : ends.subList(Math.max(0, ends.size() - unmatched), ends.size())) {
            owedClosers.append(quotationMark(end));
        }
    }

    private void payOwedClosers() {
        if (owedClosers.isEmpty()) {
            return;
        }
        if (lines.isEmpty()) {
            lines.add(owedClosers.toString());
        } else {
            int last = lines.size() - 1;
            lines.set(last, lines.get(last) + owedClosers);
        }
        owedClosers.setLength(0);
    }

    private static String quotationMark(XmlElement mark) {
        String code = mark.attribute("CODE");
        if (code != null && code.matches("[0-9A-Fa-f]{2,6}")) {
            return new String(Character.toChars(Integer.parseInt(code, 16)));
        }
        return mark.name().equals("QUOT.START") ? "‘" : "’";
    }

    private void flush() {
        String text = clean(line.toString());
        line.setLength(0);
        if (text.isEmpty()) {
            return;
        }
        if (TRAILING_PUNCTUATION.matcher(text).matches() && prefix.isEmpty() && !lines.isEmpty()) {
            // the ';' after a quoted amendment belongs to the line the quotation ends on
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + text);
            return;
        }
        lines.add(clean(prefix + text));
        prefix = "";
    }

    private static String clean(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }
}
