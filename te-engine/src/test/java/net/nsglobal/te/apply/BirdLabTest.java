package net.nsglobal.te.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.nsglobal.testkit.BirdLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The lab itself: a site router that cannot start fails the start clearly and leaves no namespace behind. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BirdLabTest {
    @TempDir Path dir;

    private static List<String> labNamespaces() throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return out.lines().map(l -> l.split(" ")[0]).filter(n -> n.startsWith("nsgl-")).toList();
    }

    @Test
    void aSiteRouterThatCannotStartFailsTheLabAndLeavesNoNamespace() throws Exception {
        List<String> before = labNamespaces();

        assertThatThrownBy(() -> BirdLab.start(dir, 64500, "router id 192.0.2.1;\nprotocol nonsense;\n"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("bird site exited").hasMessageContaining("syntax error");

        // Other labs may run at the same time; none of this one's namespaces may remain.
        assertThat(labNamespaces()).allMatch(before::contains);
    }
}
