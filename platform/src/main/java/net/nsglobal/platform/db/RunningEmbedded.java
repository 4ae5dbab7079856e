package net.nsglobal.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The embedded PostgreSQL a running process (the TE engine, the control plane) holds in a data directory: the
 * commands beside it ({@code te …}, {@code ops …}) connect to that server instead of starting a second one on the same
 * files (opening the embedded database stops a postmaster it finds there, taking it for one left by a dead run — it
 * would stop the running process's).
 */
public final class RunningEmbedded {
    private RunningEmbedded() {}

    /**
     * The port of a live postmaster on {@code pgData}: postmaster.pid holds its pid (line 1) and port (line 4)
     * (PostgreSQL documentation, "Database File Layout").
     */
    public static Optional<Integer> port(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return Optional.empty();
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) return Optional.empty();
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.of(Integer.parseInt(lines.get(3).trim()));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
