package org.policygraph.ingest.read;

import java.util.Optional;
import org.policygraph.ingest.IngestError;

/**
 * A data file's text for the readers: strict UTF-8, a bad byte reported as an error with its line; and the check
 * that a text file was not cut short.
 */
public final class DataText {

    private DataText() {}

    /**
     * The file's text, without a byte-order mark.
     *
     * @return the text, or empty after adding an error to the batch when the file is not UTF-8
     */
    public static Optional<String> utf8(DataFile file, GraphBatch batch) {
        byte[] bytes = file.bytes().get();
        String binary = binary(bytes);
        if (binary != null) {
            boolean csv = file.path().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
            batch.error(new IngestError(
                    file.path(),
                    0,
                    null,
                    null,
                    (csv ? "is not a CSV: " : "is not a text file: ")
                            + binary
                            + (csv ? "; export the data as CSV in UTF-8" : "")));
            return Optional.empty();
        }
        try {
            return Optional.of(Utf8.decode(bytes));
        } catch (Utf8.NotUtf8Exception e) {
            batch.error(new IngestError(file.path(), e.where.line(), null, null, Utf8.describe(e.where)));
            return Optional.empty();
        }
    }

    /**
     * What a binary file looks like, or null for text: a file that starts as a zip archive (a spreadsheet saved as
     * .xlsx), a PDF, a gzip archive or an old Excel workbook, or that has a NUL byte in its first 8 KiB (no text
     * file has one).
     */
    static String binary(byte[] bytes) {
        if (startsWith(bytes, 'P', 'K', 3, 4)) {
            return "it is a zip archive (a spreadsheet saved as .xlsx is one)";
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            return "it is a PDF";
        }
        if (startsWith(bytes, 0x1f, 0x8b)) {
            return "it is a gzip archive; unpack it first";
        }
        if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
            return "it is an old Excel (.xls) or other Office file";
        }
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return "it is binary (byte " + i + " is NUL, which no text file holds)";
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * An error when a text file does not end with a line break. YAML and Markdown have no end marker, so a copy or
     * download that stops part-way leaves a file whose first part still reads as valid data, and the rest would be
     * lost without a word. PolicyGraph's YAML and Markdown files therefore end with a line break, and a file that
     * does not is refused. An empty file has no last line and passes.
     *
     * @return the error, naming the last line, or empty when the text ends with a line break or is empty
     */
    public static Optional<IngestError> cutShort(DataFile file, String text) {
        if (text.isEmpty() || text.endsWith("\n") || text.endsWith("\r")) {
            return Optional.empty();
        }
        String last = text.substring(text.lastIndexOf('\n') + 1).strip();
        if (last.length() > 60) {
            last = "..." + last.substring(last.length() - 57).stripLeading();
        }
        return Optional.of(new IngestError(
                file.path(),
                (int) text.lines().count(),
                null,
                null,
                "does not end with a line break, so it may be cut short (its last line ends \"" + last + "\"); "
                        + "if the file is complete, end it with a line break"));
    }
}
