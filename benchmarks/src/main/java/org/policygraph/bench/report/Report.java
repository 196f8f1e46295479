package org.policygraph.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's report: what ran, on what, and every figure beside its baseline; written as {@code report.json} and
 * {@code report.md}.
 */
public final class Report {

    private final Map<String, Object> run = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<PageFigure> pages = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Report(String scale, long seed, Machine machine) {
        run.put("started", Instant.now().toString());
        run.put("scale", scale);
        run.put("seed", seed);
        run.put("machine", machine);
    }

    /** Adds a fact about the run (the data's size, the tools used). */
    public synchronized void fact(String name, Object value) {
        run.put(name, value);
    }

    public synchronized void add(Figure figure) {
        figures.add(figure);
    }

    public synchronized void add(PageFigure figure) {
        pages.add(figure);
    }

    /** A sentence a reader of the figures needs. */
    public synchronized void note(String note) {
        notes.add(note);
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public List<PageFigure> pages() {
        return List.copyOf(pages);
    }

    /** Writes {@code report.json} and {@code report.md} into a folder. */
    public synchronized void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        run.put("finished", Instant.now().toString());
        run.put("loadAverageAtEnd", Machine.currentLoadAverage());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run);
        json.put("figures", figures);
        json.put("pages", pages);
        json.put("notes", notes);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(folder.resolve("report.json").toFile(), json);
        Files.writeString(folder.resolve("report.md"), markdown(), StandardCharsets.UTF_8);
    }

    /** The report as Markdown. */
    public synchronized String markdown() {
        StringBuilder md = new StringBuilder("# PolicyGraph benchmark report\n\n");
        Machine m = (Machine) run.get("machine");
        md.append(String.format(
                Locale.ROOT,
                "Scale **%s**, seed %s, %s to %s.%n%n",
                run.get("scale"),
                run.get("seed"),
                run.get("started"),
                run.getOrDefault("finished", "")));
        md.append(String.format(
                Locale.ROOT,
                "Machine: %d cores (%s), %.0f GiB, %s, %s. Load average %.2f at the start, "
                        + "%s at the end (other work on the machine slows every figure).%n%n",
                m.cores(),
                m.cpu(),
                m.memoryGiB(),
                m.java(),
                m.os(),
                m.loadAverage(),
                run.getOrDefault("loadAverageAtEnd", "?")));
        run.forEach((k, v) -> {
            if (!List.of("started", "finished", "scale", "seed", "machine", "loadAverageAtEnd")
                    .contains(k)) {
                md.append("- ").append(k).append(": ").append(v).append('\n');
            }
        });
        md.append("\n## Figures\n\n| figure | value | baseline (same run, same data) | ratio | target | met |\n"
                + "|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append("| ")
                    .append(f.name())
                    .append(" | ")
                    .append(Figure.format(f.value()))
                    .append(' ')
                    .append(f.unit())
                    .append(" | ")
                    .append(
                            f.baseline() == null
                                    ? ""
                                    : f.baseline()
                                            + (f.baselineValue() == null
                                                    ? ""
                                                    : ": " + Figure.format(f.baselineValue()) + " " + f.unit()))
                    .append(" | ")
                    .append(f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2fx", f.ratio()))
                    .append(" | ")
                    .append(f.target() == null ? "" : f.target())
                    .append(" | ")
                    .append(f.met() == null ? "" : f.met() ? "yes" : "**no**: " + f.missedBy())
                    .append(" |\n");
        }
        boolean anyNote =
                figures.stream().anyMatch(f -> f.note() != null && !f.note().isBlank());
        if (anyNote) {
            md.append("\nWhat limits each figure:\n\n");
            for (Figure f : figures) {
                if (f.note() != null && !f.note().isBlank()) {
                    md.append("- **")
                            .append(f.name())
                            .append("**: ")
                            .append(f.note())
                            .append('\n');
                }
            }
        }
        if (!pages.isEmpty()) {
            md.append(
                    "\n## Pages\n\nLatency and throughput of each page beside the site's static page "
                            + "(`/static/site.css`), measured the same way just before it.\n\n"
                            + "| page | connections | p50 ms | p99 ms | req/s | errors | static p50 / p99 ms | static req/s "
                            + "| p99 ratio | throughput ratio | target | met |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (PageFigure p : pages) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %s | %s | %s | %d | %s / %s | %s | %.1fx | %.2fx | %s | %s |%n",
                        p.page(),
                        p.connections(),
                        Figure.format(p.p50Ms()),
                        Figure.format(p.p99Ms()),
                        Figure.format(p.perSecond()),
                        p.errors(),
                        Figure.format(p.staticP50Ms()),
                        Figure.format(p.staticP99Ms()),
                        Figure.format(p.staticPerSecond()),
                        p.p99Ratio(),
                        p.throughputRatio(),
                        p.target() == null ? "" : p.target(),
                        p.met() == null ? "" : p.met() ? "yes" : "**no**: " + p.missedBy()));
            }
            List<String> pageNotes = pages.stream()
                    .map(PageFigure::note)
                    .filter(n -> n != null && !n.isBlank())
                    .distinct()
                    .toList();
            if (!pageNotes.isEmpty()) {
                md.append('\n');
                pageNotes.forEach(n -> md.append("- ").append(n).append('\n'));
            }
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }
}
