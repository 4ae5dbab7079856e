package net.nsglobal.te.apply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The diff shown before an apply reads like {@code diff -u}. */
class UnifiedDiffTest {
    @Test
    void sameTextHasNoDiff() {
        assertThat(UnifiedDiff.of("a", "x\ny\n", "b", "x\ny\n")).isEmpty();
    }

    @Test
    void anInsertedLineIsOneHunkWithThreeLinesOfContext() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n";
        String after = "1\n2\n3\n4\n4a\n5\n6\n7\n8\n";
        assertThat(UnifiedDiff.of("run", before, "cand", after)).isEqualTo("""
                --- run
                +++ cand
                @@ -2,6 +2,7 @@
                 2
                 3
                 4
                +4a
                 5
                 6
                 7
                """);
    }

    @Test
    void farApartChangesAreSeparateHunks() {
        StringBuilder a = new StringBuilder(), b = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            a.append(i).append('\n');
            b.append(i == 2 ? "two" : i == 18 ? "eighteen" : Integer.toString(i)).append('\n');
        }
        String d = UnifiedDiff.of("a", a.toString(), "b", b.toString());
        assertThat(d).contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n").contains("@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n");
    }
}
