package net.nsglobal.te.announce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code birdc -s SOCKET configure}: BIRD re-reads its configuration (and so the included {@link AnycastStateFile})
 * and, since only filters changed, re-evaluates the exports in place without resetting the BGP sessions. The reply is a
 * value: a refused configuration (BIRD keeps running the old one) or an unreachable socket is not an exception.
 */
public final class Birdc {
    /** What BIRD answered. */
    public record Reply(boolean ok, String text) {}

    private final Path birdc;
    private final Path socket;
    private final Duration timeout;

    public Birdc(Path birdc, Path socket, Duration timeout) {
        this.birdc = birdc;
        this.socket = socket;
        this.timeout = timeout;
    }

    public Path socket() {
        return socket;
    }

    /** Asks BIRD to re-read its configuration. */
    public Reply configure() {
        return run("configure");
    }

    /** Runs one birdc command (e.g. {@code show route}); ok when birdc exits 0. */
    public Reply run(String... command) {
        List<String> cmd = new java.util.ArrayList<>(List.of(birdc.toString(), "-s", socket.toString()));
        cmd.addAll(List.of(command));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Reply(false, "cannot run " + birdc + ": " + e.getMessage());
        }
        try {
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Reply(false, String.join(" ", cmd) + ": no reply within " + timeout.toMillis() + " ms");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            // birdc exits non-zero on a refused configuration ("syntax error") or an unreachable socket.
            boolean ok = p.exitValue() == 0 && !out.contains("rror");
            return new Reply(ok, out);
        } catch (IOException e) {
            return new Reply(false, String.join(" ", cmd) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Reply(false, String.join(" ", cmd) + ": interrupted");
        }
    }
}
