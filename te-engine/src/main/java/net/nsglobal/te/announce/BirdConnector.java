package net.nsglobal.te.announce;

import java.io.IOException;
import java.nio.file.Path;
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
