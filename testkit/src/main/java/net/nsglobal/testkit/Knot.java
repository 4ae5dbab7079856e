package net.nsglobal.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real knotd (Debian package {@code knot}) in the foreground, configured from a {@link KnotConfig} written into a
 * fresh directory; ready once it answers SOA queries on its port and serves every zone that has a file. Zones and
 * keys change through {@link #setZone} and {@link #reconfigure}, both applied with knotc, which waits for knotd.
 */
public final class Knot extends Daemon {
    private final KnotConfig config;
    private final Path conf;

    private Knot(Process process, Path home, Path log, int port, KnotConfig config, Path conf) {
        super("knotd", process, home, log, port);
        this.config = config;
        this.conf = conf;
    }

    /** Starts knotd in a new directory under {@code parent}. */
    public static Knot start(Path parent, KnotConfig config) {
        return startOnPort(config.port(), port -> start(parent, config, port));
    }

    private static Knot start(Path parent, KnotConfig config, int port) {
        Path knotd = Binaries.require("knotd", "knot");
        Path home = createHome(parent, "knot");
        List<String> served = new ArrayList<>();
        for (KnotConfig.Zone z : config.zones()) {
            if (z.text() != null) write(KnotConfig.zoneFile(home, z.origin()), z.text());
            if (z.text() != null || z.file() != null) served.add(z.origin());
        }
        Path conf = home.resolve("knot.conf");
        write(conf, config.render(home, port));
        Path log = home.resolve("knotd.log");
        Process p = launch(log, List.of(knotd.toString(), "-c", conf.toString()));
        Knot knot = new Knot(p, home, log, port, config, conf);
        knot.awaitReady(served);
        return knot;
    }

    /** The configuration this knotd runs; change it and call {@link #reconfigure} to apply. */
    public KnotConfig config() { return config; }

    public Path confFile() { return conf; }

    /** Rewrites a zone's file and reloads it; knotd diffs it into its journal (if enabled) and sends NOTIFY. */
    public void setZone(String origin, String text) {
        write(KnotConfig.zoneFile(home(), origin), text);
        knotc("zone-reload", origin);
    }

    /** Rewrites knot.conf from {@link #config()} (e.g. after a key rotation) and reloads it. */
    public void reconfigure() {
        write(conf, config.render(home(), port()));
        knotc("reload");
    }

    /** Runs {@code knotc} against this knotd (blocking: it returns once knotd has done it); fails with its output. */
    public String knotc(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Binaries.require("knotc", "knot").toString(),
                "-c", conf.toString(), "-t", "10", "-b"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("knotc " + String.join(" ", args) + " timed out\nknotd log:\n" + logText());
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("knotc " + String.join(" ", args) + " failed: " + out + "\nknotd log:\n"
                        + logText());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("testkit: knotc " + String.join(" ", args), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: knotc " + String.join(" ", args), e);
        }
    }
}
