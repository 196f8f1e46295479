package org.policygraph.ingest.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding that says on which line a bad byte is, instead of replacing it silently. */
final class Utf8 {

    private Utf8() {}

    /** The problem with a non-UTF-8 input: the line and byte offset of the first bad byte. */
    record BadBytes(int line, int offset, int value) {}

    static final class NotUtf8Exception extends Exception {
        final transient BadBytes where;

        NotUtf8Exception(BadBytes where) {
            super("not UTF-8", null, false, false);
            this.where = where;
        }
    }

    static String decode(byte[] bytes) throws NotUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new NotUtf8Exception(new BadBytes(line, offset, bytes[offset] & 0xff));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The error's message. A byte of 0xA0 to 0xFF that is not part of a UTF-8 sequence is almost always a letter of
     * a file saved as Latin-1 (ISO 8859-1; "é" is 0xE9 there), 0x80 to 0x9F one saved as Windows-1252 (its curly
     * quotes and dashes): the message says so, with the character the byte would be.
     */
    static String describe(BadBytes bad) {
        int b = bad.value();
        if (b >= 0xA0) {
            return String.format(
                    "is not UTF-8 (looks like Latin-1): byte 0x%02X at offset %d cannot be decoded (in "
                            + "Latin-1 it is '%c'); save the file as UTF-8",
                    b, bad.offset(), (char) b);
        }
        if (b >= 0x80) {
            String c = new String(new byte[] {(byte) b}, java.nio.charset.Charset.forName("windows-1252"));
            return String.format(
                    "is not UTF-8 (looks like Windows-1252, Latin-1 with curly quotes and dashes): byte "
                            + "0x%02X at offset %d cannot be decoded (in Windows-1252 it is '%s'); save the file as UTF-8",
                    b, bad.offset(), c);
        }
        return String.format(
                "is not UTF-8: byte 0x%02X at offset %d cannot be decoded; save the file as UTF-8", b, bad.offset());
    }
}
