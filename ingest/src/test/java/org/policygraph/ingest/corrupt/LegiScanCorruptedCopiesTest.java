package org.policygraph.ingest.corrupt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Corrupted copies of LegiScan's California AI bills (aiBills.json). */
class LegiScanCorruptedCopiesTest extends CorruptedDatasetCopies {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    String dataset() {
        return "ca-ai-bills-legiscan";
    }

    @Override
    String file() {
        return "ca-ai-bills-legiscan/aiBills.json";
    }

    @Override
    String damaged(Damage damage, String text) {
        return switch (damage) {
            case HEADER_ONLY -> "{}\n";
            case REPEATED_RECORD ->
                edit(text, root -> {
                    ObjectNode session = (ObjectNode) root.elements().next();
                    Map.Entry<String, JsonNode> first = session.fields().next();
                    session.set(first.getKey() + "-copy", first.getValue().deepCopy());
                });
            case RAGGED -> edit(text, root -> firstBill(root).remove("bill_id"));
            case BAD_NUMBER -> edit(text, root -> firstBill(root).put("bill_id", "57x638"));
            case BAD_DATE -> edit(text, root -> firstBill(root).put("status_date", "2014-13-45"));
            default -> throw new IllegalArgumentException(damage.name());
        };
    }

    @Override
    String reordered(String text) {
        return edit(text, root -> {
            ObjectNode object = (ObjectNode) root;
            List<Map.Entry<String, JsonNode>> sessions = new ArrayList<>();
            object.fields().forEachRemaining(sessions::add);
            Collections.reverse(sessions);
            object.removeAll();
            for (Map.Entry<String, JsonNode> session : sessions) {
                List<Map.Entry<String, JsonNode>> bills = new ArrayList<>();
                session.getValue().fields().forEachRemaining(bills::add);
                Collections.reverse(bills);
                ObjectNode reversed = JSON.createObjectNode();
                bills.forEach(b -> reversed.set(b.getKey(), b.getValue()));
                object.set(session.getKey(), reversed);
            }
        });
    }

    @Override
    String error(Damage damage) {
        String bill = " record \\$\\['2013-2014'\\]\\['SB836'\\]";
        return switch (damage) {
            case HEADER_ONLY -> ":1 record \\$: has no bills: it gives nothing.*";
            case EMPTY -> ":1: must be a JSON object of sessions, each an object of bills";
            case BINARY -> ": is not a text file: it is binary \\(byte 4 is NUL, which no text file holds\\)";
            case LATIN_1 -> ":\\d+: is not UTF-8 \\(looks like Latin-1\\): byte 0x[0-9A-F]{2} at offset \\d+.*";
            case REPEATED_RECORD ->
                ":\\d+ record \\$\\['2013-2014'\\]\\['SB836-copy'\\] field 'bill_id': 577638 is "
                        + "also the bill id of \\$\\['2013-2014'\\]\\['SB836'\\]";
            case RAGGED -> ":3" + bill + " field 'bill_id': is missing";
            case BAD_NUMBER -> ":3" + bill + " field 'bill_id': '57x638' is not a whole number";
            case BAD_DATE -> ":3" + bill + " field 'status_date': must be a date .*, but is \"2014-13-45\"";
        };
    }

    @Override
    int exit(Damage damage) {
        return damage == Damage.HEADER_ONLY ? 4 : 1;
    }

    private static ObjectNode firstBill(JsonNode root) {
        return (ObjectNode) root.elements().next().elements().next();
    }

    private static String edit(String text, Consumer<JsonNode> change) {
        try {
            JsonNode root = JSON.readTree(text);
            change.accept(root);
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its locators cite rows (lines, JSON positions): a re-ordered copy changes them, and nothing else. */
    @Override
    boolean locatorsCitePositions() {
        return true;
    }
}
