package net.nsglobal.te.apply;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff (the format of {@code diff -u}, three lines of context) between the running and the candidate
 * configuration, for the operator to read before and in the log after an apply. Line-based longest common
 * subsequence: BIRD configurations are a few hundred lines, so the quadratic table is small.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    private record Edit(char op, String line, int oldNo, int newNo) {}

    /** The diff from {@code before} to {@code after}; "" when they are the same. */
    public static String of(String beforeName, String before, String afterName, String after) {
        List<String> a = before.isEmpty() ? List.of() : before.lines().toList();
        List<String> b = after.isEmpty() ? List.of() : after.lines().toList();
        List<Edit> edits = edits(a, b);
        if (edits.stream().allMatch(e -> e.op == ' ')) return "";
        StringBuilder out = new StringBuilder("--- ").append(beforeName).append('\n').append("+++ ").append(afterName).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op == ' ') { i++; continue; }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk while the next change is within two contexts of the last one.
            while (true) {
                while (end < edits.size() && edits.get(end).op != ' ') end++;
                int next = end;
                while (next < edits.size() && edits.get(next).op == ' ') next++;
                if (next < edits.size() && next - end <= 2 * CONTEXT) { end = next; continue; }
                end = Math.min(edits.size(), end + CONTEXT);
                break;
            }
            hunk(out, edits.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> h) {
        int oldStart = 0, newStart = 0, oldLen = 0, newLen = 0;
        for (Edit e : h) {
            if (e.op != '+') { if (oldLen++ == 0) oldStart = e.oldNo; }
            if (e.op != '-') { if (newLen++ == 0) newStart = e.newNo; }
        }
        if (oldLen == 0) oldStart = h.get(0).oldNo - 1;
        if (newLen == 0) newStart = h.get(0).newNo - 1;
        out.append("@@ -").append(oldStart).append(',').append(oldLen).append(" +").append(newStart).append(',').append(newLen).append(" @@\n");
        for (Edit e : h) out.append(e.op).append(e.line).append('\n');
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        int n = a.size(), m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', a.get(i), i + 1, j + 1)); i++; j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // On a tie the removal goes first, as diff -u prints a changed line.
                edits.add(new Edit('-', a.get(i), i + 1, j + 1)); i++;
            } else {
                edits.add(new Edit('+', b.get(j), i + 1, j + 1)); j++;
            }
        }
        return edits;
    }
}
