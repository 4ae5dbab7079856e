package net.nsglobal.te.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.nsglobal.testkit.Binaries;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control-socket client against a real BIRD 2 ({@code bird -f -s SOCKET}): replies are read whole, and a BIRD
 * that stops answering — here stopped with SIGSTOP, so the kernel still accepts connections and queues commands —
 * costs the caller the timeout and an IOException naming the socket, not a thread blocked for ever.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UnixSocketBirdcTest {
    @TempDir Path dir;
    Process bird;
    Path socket;

    @BeforeEach
    void startBird() throws Exception {
        Files.writeString(dir.resolve("bird.conf"), "router id 10.0.0.1;\nprotocol device {}\n");
        socket = dir.resolve("bird.ctl");
        bird = new ProcessBuilder(Binaries.require("bird", "bird2").toString(), "-f", "-c", dir.resolve("bird.conf").toString(),
                "-s", socket.toString(), "-P", dir.resolve("bird.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("bird.log").toFile()).start();
        Wait.until("bird answers on its control socket", Duration.ofSeconds(30), () -> {
            if (!bird.isAlive()) return true;
            try (UnixSocketBirdc c = UnixSocketBirdc.connect(socket)) {
                return c.send("show status").ok();
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(bird.isAlive()).as("bird running: %s", Files.readString(dir.resolve("bird.log"))).isTrue();
    }

    @AfterEach
    void stopBird() throws Exception {
        if (bird != null) {
            signal("CONT");
            bird.destroy();
            if (!bird.waitFor(10, TimeUnit.SECONDS)) bird.destroyForcibly();
        }
    }

    @Test
    void aCommandGetsItsWholeReply() throws Exception {
        try (UnixSocketBirdc c = UnixSocketBirdc.connect(socket, Duration.ofSeconds(5))) {
            BirdReply status = c.send("show status");
            assertThat(status.ok()).isTrue();
            assertThat(status.text()).contains("BIRD 2.", "Router ID is 10.0.0.1");
            BirdReply protocols = c.send("show protocols");
            assertThat(protocols.text()).contains("device1");
            assertThat(c.send("no such command").ok()).isFalse();
        }
    }

    @Test
    void aBirdThatStopsAnsweringCostsTheTimeoutNotAThread() throws Exception {
        try (UnixSocketBirdc c = UnixSocketBirdc.connect(socket, Duration.ofMillis(500))) {
            signal("STOP");
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> c.send("show status")).isInstanceOf(IOException.class)
                    .hasMessageContaining("unix:" + socket)
                    .hasMessageContaining("no reply to \"show status\" within 500 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(450), Duration.ofSeconds(5));
        }
    }

    @Test
    void aBirdThatDoesNotGreetIsNotConnected() throws Exception {
        signal("STOP");
        assertThatThrownBy(() -> UnixSocketBirdc.connect(socket, Duration.ofMillis(300))).isInstanceOf(IOException.class)
                .hasMessageContaining("unix:" + socket).hasMessageContaining("no greeting within 300 ms");
        signal("CONT");
        try (UnixSocketBirdc c = UnixSocketBirdc.connect(socket, Duration.ofSeconds(5))) {
            assertThat(c.send("show status").ok()).as("answers again once continued").isTrue();
        }
    }

    private void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(bird.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
}
