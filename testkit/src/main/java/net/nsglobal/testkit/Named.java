package net.nsglobal.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real BIND 9 {@code named -g} (Debian package {@code bind9}) in the foreground, one worker thread, configured from a
 * {@link NamedConfig}; ready once it answers SOA queries on its port and serves every primary zone.
 */
public final class Named extends Daemon {
    private Named(Process process, Path home, Path log, int port) {
        super("named", process, home, log, port);
    }

    public static Named start(Path parent, NamedConfig config) {
        return startOnPort(config.port(), port -> start(parent, config, port));
    }

    private static Named start(Path parent, NamedConfig config, int port) {
        Path named = Binaries.require("named", "bind9");
        Path home = createHome(parent, "bind");
        List<String> served = new ArrayList<>();
        for (NamedConfig.Zone z : config.zones()) {
            if (z.text() != null) write(home.resolve(NamedConfig.fileName(z.origin())), z.text());
            if (z.served()) served.add(z.origin());
        }
        Path conf = home.resolve("named.conf");
        write(conf, config.render(home, port));
        Path log = home.resolve("named.log");
        Process p = launch(log, List.of(named.toString(), "-g", "-c", conf.toString(), "-n", "1"));
        Named n = new Named(p, home, log, port);
        n.awaitReady(served);
        return n;
    }
}
