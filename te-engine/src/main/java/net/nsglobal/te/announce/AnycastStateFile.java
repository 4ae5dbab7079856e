package net.nsglobal.te.announce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The one BIRD file the site agent owns, as anycast-healthchecker owns its prefix list. The site's BIRD configuration
 * (te-engine's {@code sites/templates/bird.conf.ftl}) includes it inside each session's anycast branch, after the
 * prepends and communities and before the final {@code accept}, so its statements are the agent's word on the prefix:
 *
 * <pre>
 * filter export_cogent {
 *   if net ~ [ 192.0.2.0/24 ] then {
 *     bgp_path.prepend(64500);
 *     include "anycast-state.con[f]";     # ANNOUNCED: no statement
 *                                         # DRAINING:  bgp_community.add((65535, 0));   RFC 8326 §4
 *                                         # WITHDRAWN: reject;
 *     accept;
 *   }
 *   reject;
 * }
 * </pre>
 *
 * The include is a glob pattern so that BIRD includes nothing (announces as the knobs say) while the file does not
 * exist yet; te-engine's simulated world reads the file back ({@code world.BirdAnnouncements}). The file is replaced
 * whole (a temporary file moved over it), so BIRD never reads half of it; its first comment lines name the state, so
 * an agent that restarts resumes the state BIRD is in instead of withdrawing first.
 */
public final class AnycastStateFile {
    static final String STATE_LINE = "# state: ";
    /** The statement that withdraws (the filter ends here for the prefix). */
    public static final String WITHDRAW = "reject;";
    /** The statement that drains: the well-known GRACEFUL_SHUTDOWN community, RFC 8326 §4. */
    public static final String GRACEFUL_SHUTDOWN = "bgp_community.add((65535, 0));";

    private final Path file;

    public AnycastStateFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The file's text for {@code state} at {@code site}. */
    static String render(String site, AgentState.State state) {
        String head = "# Written by the NS-Global site agent for site " + site + "; replaced whole on every change, do not edit.\n"
                + STATE_LINE + state + "\n"
                + "# Included inside each export filter's anycast branch, before its accept.\n";
        return head + switch (state) {
            case ANNOUNCED -> "# Announced: the export filter decides.\n";
            case DRAINING -> "# RFC 8326 GRACEFUL_SHUTDOWN (65535:0) on the announcement while draining, before the withdrawal.\n"
                    + GRACEFUL_SHUTDOWN + "\n";
            case WITHDRAWN -> "# Withdrawn: the prefix is rejected on every session.\n" + WITHDRAW + "\n";
        };
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
