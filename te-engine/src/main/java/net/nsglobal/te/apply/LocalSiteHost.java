package net.nsglobal.te.apply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A {@link SiteHost} on this machine: BIRD's control socket and configuration file are local paths. */
public final class LocalSiteHost implements SiteHost {
    private final Path socket;
    private final Path running;

    /** {@code socket} is BIRD's {@code -s} path; {@code running} its {@code -c} file. */
    public LocalSiteHost(Path socket, Path running) {
        this.socket = socket;
        this.running = running;
    }

    @Override
    public Birdc birdc() throws IOException {
        return UnixSocketBirdc.connect(socket);
    }

    @Override
    public String runningFile() {
        return running.toString();
    }

    @Override
    public String readRunning() throws IOException {
        try {
            return Files.readString(running, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    @Override
    public void writeCandidate(String text) throws IOException {
        Path candidate = Path.of(candidateFile());
        Path tmp = Path.of(candidateFile() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, candidate, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void promoteCandidate() throws IOException {
        Files.move(Path.of(candidateFile()), running, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String describe() {
        return "local " + running + " (unix:" + socket + ")";
    }
}
