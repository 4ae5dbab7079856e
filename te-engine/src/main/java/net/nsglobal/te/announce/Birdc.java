package net.nsglobal.te.announce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
        List<String> cmd = new ArrayList<>(List.of(birdc.toString(), "-s", socket.toString()));
        cmd.addAll(List.of(command));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Reply(false, "cannot run " + birdc + ": " + e.getMessage());
        }
        // Read while it runs (a long "show route" would fill the pipe and never exit), bounded by the timeout.
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (IOException e) {
                return ("(output unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
            }
        });
        try {
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Reply(false, String.join(" ", cmd) + ": no reply within " + timeout.toMillis() + " ms");
            }
            String out = new String(output.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8).strip();
            // birdc exits 1 on an error reply (a refused configuration: "syntax error"; "Network not found") and
            // when the socket cannot be reached.
            return new Reply(p.exitValue() == 0, out);
        } catch (ExecutionException | TimeoutException e) {
            return new Reply(false, String.join(" ", cmd) + ": output unreadable: " + e);
        } catch (IOException e) {
            return new Reply(false, String.join(" ", cmd) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Reply(false, String.join(" ", cmd) + ": interrupted");
        }
    }
}
