package net.nsglobal.atlas.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes rows either as an aligned text table or as JSON, one object per line (so output can be piped to
 * {@code jq -c} or read line by line). Table rows are written as they come, with fixed column widths, so a results
 * stream of any length prints in constant memory.
 */
final class Output {
    enum Format { table, json }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintWriter out;
    private final Format format;
    private final List<String> columns;
    private final int[] widths;
    private boolean headerDone;

    Output(PrintWriter out, Format format, List<String> columns, int... widths) {
        this.out = out;
        this.format = format;
        this.columns = List.copyOf(columns);
        this.widths = widths;
    }

    /** One row; keys are the column names, values may be null (printed as "-" in tables, null in JSON). */
    void row(Map<String, Object> values) {
        if (format == Format.json) {
            ObjectNode o = MAPPER.createObjectNode();
            for (String c : columns) {
                o.set(c, MAPPER.valueToTree(values.get(c)));
            }
            out.println(o);
        } else {
            if (!headerDone) {
                out.println(line(new ArrayList<>(columns)));
                headerDone = true;
            }
            List<Object> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(values.get(c));
            }
            out.println(line(cells));
        }
        out.flush();
    }

    private String line(List<?> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            String s = v == null ? "-" : v instanceof Double d ? String.format(java.util.Locale.ROOT, "%.2f", d)
                    : v.toString();
            int w = i < widths.length ? widths[i] : 12;
            sb.append(i == cells.size() - 1 ? s : String.format("%-" + w + "s ", s));
        }
        return sb.toString().stripTrailing();
    }
}
