package net.nsglobal.te.apply;

import java.io.IOException;

/**
 * The machine one site's BIRD runs on, as the {@link Applier} needs it: a control connection, the file BIRD was
 * started with (the running file, read for the diff and replaced only once a new configuration is confirmed) and a
 * place for the candidate file. {@link LocalSiteHost} is this machine (the lab, a site's own te-engine);
 * {@link SshSiteHost} is a site reached over SSH with a pinned host key.
 */
public interface SiteHost extends AutoCloseable {
    /** A new control connection to the site's BIRD. */
    Birdc birdc() throws IOException;

    /** The running configuration file's path on the host. */
    String runningFile();

    /** The candidate file's path on the host (beside the running file). */
    default String candidateFile() {
        return runningFile() + ".candidate";
    }

    /** The running file's text ("" if it does not exist yet). */
    String readRunning() throws IOException;

    /** Writes {@code text} to {@link #candidateFile()} completely (temporary file, then rename). */
    void writeCandidate(String text) throws IOException;

    /** Renames the candidate over the running file, so a BIRD restart reads what was confirmed. */
    void promoteCandidate() throws IOException;

    /** A short name for logs: the site and where it is. */
    String describe();

    @Override
    default void close() throws IOException {}
}
