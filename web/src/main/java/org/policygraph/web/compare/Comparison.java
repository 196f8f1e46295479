package org.policygraph.web.compare;

import java.util.List;
import java.util.Map;
import org.policygraph.web.ref.EntityRef;

/**
 * Things side by side: columns (the regulations, organisations or models compared) and rows (what is compared),
 * with a cell per column in each row. An empty cell is shown as {@link #empty}, never as nothing.
 *
 * @param what     {@code regulations}, {@code organisations} or {@code models}
 * @param title    the comparison's title
 * @param columns  what is compared, in the order chosen
 * @param rows     the rows
 * @param empty    what an empty cell says, e.g. "No provision found"
 * @param whatIf   the what-if thresholds applied (tier id to FLOP), empty when none
 * @param notes    notes on how the comparison was computed
 */
public record Comparison(
        String what,
        String title,
        List<EntityRef> columns,
        List<ComparisonRow> rows,
        String empty,
        Map<String, Double> whatIf,
        List<String> notes) {

    /**
     * A row.
     *
     * @param key     stable key, e.g. {@code incident-reporting}
     * @param heading what the row is about
     * @param cells   entries per column id
     */
    public record ComparisonRow(String key, String heading, Map<String, List<Cell>> cells) {
        public List<Cell> cell(String columnId) {
            return cells.getOrDefault(columnId, List.of());
        }
    }
}
