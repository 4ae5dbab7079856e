package net.nsglobal.te.announce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The one BIRD file the site agent owns, as anycast-healthchecker owns its prefix list: the site's BIRD configuration
 * includes it ({@code include "anycast-state.conf";}) and its export filter reads the two constants it defines:
 *
 * <pre>
 * if net ~ [ 192.0.2.0/24 ] then {
 *   if !ANYCAST_ANNOUNCE then reject;                                     # withdrawn
 *   if ANYCAST_GRACEFUL_SHUTDOWN then bgp_community.add((65535, 0));      # RFC 8326 §4
 *   accept;
 * }
 * </pre>
 *
 * The file is replaced whole (a temporary file moved over it), so BIRD never reads half of it; its first comment
 * lines name the state, so an agent that restarts resumes the state BIRD is in instead of withdrawing first.
 */
public final class AnycastStateFile {
    static final String STATE_LINE = "# state: ";

    private final Path file;

    public AnycastStateFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The file's text for {@code state} at {@code site}. */
    static String render(String site, AgentState.State state) {
        boolean announce = state != AgentState.State.WITHDRAWN;
        boolean shutdown = state == AgentState.State.DRAINING;
        return "# Written by the NS-Global site agent for site " + site + "; replaced whole on every change, do not edit.\n"
                + STATE_LINE + state + "\n"
                + "define ANYCAST_ANNOUNCE = " + announce + ";\n"
                + "# RFC 8326 GRACEFUL_SHUTDOWN (65535:0) on the announcement while draining, before the withdrawal.\n"
                + "define ANYCAST_GRACEFUL_SHUTDOWN = " + shutdown + ";\n";
    }

    /** Replaces the file with {@code state}'s text; BIRD reads it at its next {@code configure}. */
    public void write(String site, AgentState.State state) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, render(site, state), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The state the file holds now; empty when there is no file or it was not written by the agent. */
    public Optional<AgentState.State> read() throws IOException {
        if (!Files.exists(file)) return Optional.empty();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith(STATE_LINE)) {
                try {
                    return Optional.of(AgentState.State.valueOf(line.substring(STATE_LINE.length()).trim()));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
