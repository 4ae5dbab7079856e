package net.nsglobal.dns.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xbill.DNS.Message;
import org.xbill.DNS.Type;

/** Formats differences grouped by kind, with both full replies for the first few of each kind. */
final class DifferenceReport {
    private DifferenceReport() { }

    static String format(String reference, String candidate, int queries, List<Difference> diffs, int limit) {
        Map<String, List<Difference>> byKind = new TreeMap<>();
        for (Difference d : diffs) byKind.computeIfAbsent(d.kind(), k -> new ArrayList<>()).add(d);
        StringBuilder s = new StringBuilder();
        s.append(diffs.size()).append(" differences between ").append(reference).append(" (reference) and ")
         .append(candidate).append(" over ").append(queries).append(" queries\n");
        for (Map.Entry<String, List<Difference>> e : byKind.entrySet()) {
            Map<String, Integer> byType = new TreeMap<>();
            for (Difference d : e.getValue()) byType.merge(Type.string(d.query().qtype()), 1, Integer::sum);
            s.append("  ").append(e.getKey()).append(": ").append(e.getValue().size()).append(" ").append(byType)
             .append('\n');
        }
        // Round-robin over kinds so every kind shows examples within the limit.
        Map<String, Integer> cursor = new LinkedHashMap<>();
        byKind.keySet().forEach(k -> cursor.put(k, 0));
        int shown = 0;
        boolean progress = true;
        while (shown < limit && progress) {
            progress = false;
            for (Map.Entry<String, List<Difference>> e : byKind.entrySet()) {
                int i = cursor.get(e.getKey());
                if (i >= e.getValue().size() || shown >= limit) continue;
                cursor.put(e.getKey(), i + 1);
                progress = true;
                shown++;
                Difference d = e.getValue().get(i);
                s.append("\n[").append(d.kind()).append("] ").append(d.query().describe()).append(": ")
                 .append(d.detail()).append('\n');
                s.append("  --- ").append(reference).append(":\n").append(indent(d.reference()));
                s.append("  --- ").append(candidate).append(":\n").append(indent(d.candidate()));
            }
        }
        return s.toString();
    }

    private static String indent(Message m) {
        if (m == null) return "    (none)\n";
        StringBuilder s = new StringBuilder();
        for (String line : m.toString().split("\n")) {
            if (line.isBlank()) continue;
            s.append("    ").append(line).append('\n');
        }
        return s.toString();
    }
}
