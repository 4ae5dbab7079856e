package net.nsglobal.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real nsd (Debian package {@code nsd}) in the foreground ({@code -d}), configured from an {@link NsdConfig}; ready
 * once it answers SOA queries on its port and serves every zone that has text or a file.
 */
public final class Nsd extends Daemon {
    private Nsd(Process process, Path home, Path log, int port) {
        super("nsd", process, home, log, port);
    }

    public static Nsd start(Path parent, NsdConfig config) {
        return startOnPort(config.port(), port -> start(parent, config, port));
    }

    private static Nsd start(Path parent, NsdConfig config, int port) {
        Path nsd = Binaries.require("nsd", "nsd");
        Path home = createHome(parent, "nsd");
        List<String> served = new ArrayList<>();
        for (NsdConfig.Zone z : config.zones()) {
            if (z.text() != null) write(NsdConfig.zoneFile(home, z.origin()), z.text());
            if (z.text() != null || z.file() != null) served.add(z.origin());
        }
        Path conf = home.resolve("nsd.conf");
        write(conf, config.render(home, port));
        Path log = home.resolve("nsd.out");
        Process p = launch(log, List.of(nsd.toString(), "-d", "-c", conf.toString()));
        Nsd n = new Nsd(p, home, log, port);
        n.awaitReady(served);
        return n;
    }

    /** The captured output and nsd's own log file (it writes there, not to stderr, once started). */
    @Override
    public String logText() {
        Path f = home().resolve("nsd.log");
        try {
            return super.logText() + (java.nio.file.Files.exists(f) ? java.nio.file.Files.readString(f) : "");
        } catch (java.io.IOException e) {
            return super.logText() + "(nsd.log unreadable: " + e + ")";
        }
    }
}
