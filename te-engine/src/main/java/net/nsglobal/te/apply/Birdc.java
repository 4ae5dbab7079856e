package net.nsglobal.te.apply;

import java.io.IOException;

/**
 * A connection to one BIRD's control socket: one command in, one {@link BirdReply} out, in order. Two transports:
 * {@link UnixSocketBirdc} speaks the protocol on the local socket directly; {@link SshBirdc} runs {@code birdc} on the
 * site's host over SSH with a pinned host key. BIRD's answers — errors included — are replies; an
 * {@link IOException} means the transport failed (socket gone, SSH refused), never that BIRD said no.
 */
public interface Birdc extends AutoCloseable {
    /** Sends one command line (without newline) and returns BIRD's complete reply. */
    BirdReply send(String command) throws IOException;

    /** Where this connection goes, for logs and errors ({@code unix:/run/bird/bird.ctl}, {@code ssh:fra1…}). */
    String endpoint();

    @Override
    void close() throws IOException;

    /** A file name quoted as BIRD's grammar wants it in {@code configure "FILE"}; refuses names it cannot quote. */
    static String quote(String file) {
        if (file.indexOf('"') >= 0 || file.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("te-engine apply: file name " + file + " cannot be quoted for BIRD");
        }
        return "\"" + file + "\"";
    }
}
