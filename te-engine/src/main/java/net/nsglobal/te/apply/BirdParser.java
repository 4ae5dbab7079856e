package net.nsglobal.te.apply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * BIRD 2's own parser run locally on a rendered configuration ({@code bird -p -c FILE}: parse and exit), before any
 * router sees it. The binary is the Debian {@code bird2} package's {@code bird} unless told otherwise.
 */
public final class BirdParser {
    private final String bird;
    private final Duration timeout;

    public BirdParser(String bird, Duration timeout) {
        this.bird = bird;
        this.timeout = timeout;
    }

    public BirdParser() {
        this("bird", Duration.ofSeconds(30));
    }

    /** BIRD's complaint about {@code text}, or empty when it parses. IOException only if bird cannot be run. */
    public Optional<String> problem(String text) throws IOException {
        // A folder of its own: the configuration includes the site agent's state file relative to its folder, and a
        // stray file of that name in the shared temporary folder must not be read as the site's.
        Path dir = Files.createTempDirectory("te-bird-check");
        Path tmp = dir.resolve("candidate.conf");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(bird, "-p", "-c", tmp.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("te-engine apply: " + bird + " -p did not finish within " + timeout);
            }
            // Point at the line as the router would see it, not at our temporary file's name.
            return p.exitValue() == 0 ? Optional.empty() : Optional.of(out.strip().replace(tmp.toString(), "candidate"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("te-engine apply: interrupted while running " + bird + " -p", e);
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(dir);
        }
    }
}
