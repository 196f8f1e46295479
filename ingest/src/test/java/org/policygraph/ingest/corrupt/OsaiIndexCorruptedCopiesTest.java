package org.policygraph.ingest.corrupt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Corrupted copies of one of the Open Source AI Index's YAML files (OLMo.yaml). */
class OsaiIndexCorruptedCopiesTest extends CorruptedDatasetCopies {

    @Override
    String dataset() {
        return "osai-index";
    }

    @Override
    String file() {
        return "osai-index/yaml/OLMo.yaml";
    }

    @Override
    String damaged(Damage damage, String text) {
        return switch (damage) {
            case HEADER_ONLY -> text.substring(0, text.indexOf("\nsystem:") + 1); // the comments, no record
            case REPEATED_RECORD -> text + "\nsystem:\n    name: OLMo\n";
            case RAGGED, BAD_NUMBER, BAD_DATE -> null; // no rows; no number fields; releasedate is not read
            default -> throw new IllegalArgumentException(damage.name());
        };
    }

    @Override
    int exit(Damage damage) {
        return 1;
    }

    /** The file's top-level sections (system, org, ...) in reverse order, the comments before them first. */
    @Override
    String reordered(String text) {
        List<String> lines = text.lines().toList();
        StringBuilder head = new StringBuilder();
        List<StringBuilder> blocks = new ArrayList<>();
        for (String line : lines) {
            if (line.matches("[a-z_]+:.*")) {
                blocks.add(new StringBuilder());
            }
            (blocks.isEmpty() ? head : blocks.get(blocks.size() - 1))
                    .append(line)
                    .append('\n');
        }
        Collections.reverse(blocks);
        StringBuilder out = new StringBuilder(head);
        for (StringBuilder block : blocks) {
            out.append(block.toString().stripTrailing()).append("\n\n");
        }
        return out.toString();
    }

    @Override
    String error(Damage damage) {
        return switch (damage) {
            case HEADER_ONLY -> ":16: must be a mapping with system, org and one entry per openness parameter";
            case EMPTY -> ":1: must be a mapping with system, org and one entry per openness parameter";
            case BINARY -> ": is not a text file: it is binary \\(byte 4 is NUL, which no text file holds\\)";
            case LATIN_1 -> ":\\d+: is not UTF-8 \\(looks like Latin-1\\).*";
            case REPEATED_RECORD -> ":95 field 'system': appears twice";
            default -> throw new IllegalArgumentException("not tried: " + damage);
        };
    }

    /** Its locators cite rows (lines, JSON positions): a re-ordered copy changes them, and nothing else. */
    @Override
    boolean locatorsCitePositions() {
        return true;
    }
}
