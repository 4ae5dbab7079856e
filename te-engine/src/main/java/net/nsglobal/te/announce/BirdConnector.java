package net.nsglobal.te.announce;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import net.nsglobal.te.apply.BirdReply;
import net.nsglobal.te.apply.Birdc;
import net.nsglobal.te.apply.SshBirdc;
import net.nsglobal.te.apply.SshHost;
import net.nsglobal.te.apply.UnixSocketBirdc;

/**
 * How the site agent reaches its BIRD: te-engine's one control-socket client ({@link Birdc}), opened afresh for each
 * {@code configure} so a restarted BIRD is found again. Beside the router that is the local control socket
 * ({@link UnixSocketBirdc}, no birdc process); an agent that must run elsewhere can be given {@link #ssh}.
 */
public interface BirdConnector {
    /** A connection to BIRD; an IOException naming the endpoint when it cannot be reached. */
    Birdc open() throws IOException;

    /** Where the connection goes, for logs and the operator pages ({@code unix:/run/bird/bird.ctl}). */
    String endpoint();

    /** BIRD's local control socket ({@code bird -s PATH}). */
    static BirdConnector unix(Path socket) {
        return new BirdConnector() {
            @Override
            public Birdc open() throws IOException {
                return UnixSocketBirdc.connect(socket);
            }

            @Override
            public String endpoint() {
                return "unix:" + socket;
            }
        };
    }

    /**
     * birdc on the site's host over SSH ({@link SshBirdc}): a connection per {@code configure}, opened with
     * {@code identity} to a host whose key must have {@code pinnedFingerprint}, closed after the reply.
     */
    static BirdConnector ssh(String host, int port, String user, KeyPair identity, String pinnedFingerprint,
                             Duration timeout, String socket) {
        String where = "ssh:" + user + "@" + host + ":" + port + ":" + socket;
        return new BirdConnector() {
            @Override
            public Birdc open() throws IOException {
                SshHost ssh = SshHost.connect(host, port, user, identity, pinnedFingerprint, timeout);
                SshBirdc birdc = new SshBirdc(ssh, socket);
                return new Birdc() {
                    @Override
                    public BirdReply send(String command) throws IOException {
                        return birdc.send(command);
                    }

                    @Override
                    public String endpoint() {
                        return birdc.endpoint();
                    }

                    @Override
                    public void close() throws IOException {
                        ssh.close();
                    }
                };
            }

            @Override
            public String endpoint() {
                return where;
            }
        };
    }

    /** birdc on the site's host over an SSH connection the caller opened (pinned host key) and closes. */
    static BirdConnector ssh(SshHost host, String socket) {
        return new BirdConnector() {
            @Override
            public Birdc open() {
                return new SshBirdc(host, socket);
            }

            @Override
            public String endpoint() {
                return "ssh:" + host.where() + ":" + socket;
            }
        };
    }
}
