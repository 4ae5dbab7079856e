package net.nsglobal.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real DNS daemon (knotd, named, nsd) started by a test in the foreground on a loopback port, with its stdout and
 * stderr captured in a log file that failure messages quote. {@link #close} stops it (SIGTERM, then SIGKILL after 10 s)
 * so no test leaves a daemon holding its port.
 */
public abstract class Daemon implements AutoCloseable {
    /** How long a daemon may take to answer after start: generous, the machine is shared with other builds. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path home;
    private final Path log;
    private final InetSocketAddress address;

    protected Daemon(String name, Process process, Path home, Path log, int port) {
        this.name = name;
        this.process = process;
        this.home = home;
        this.log = log;
        this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** Starts {@code command} with its output appended to {@code log}. */
    protected static Process launch(Path log, List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("testkit: cannot start " + String.join(" ", command), e);
        }
    }

    /**
     * Waits until the daemon answers a SOA query on its port and serves each of {@code origins} (NOERROR with the
     * SOA); on failure stops it and throws with its log. A daemon that exits fails at once.
     */
    protected final void awaitReady(Collection<String> origins) {
        try {
            // A daemon that exited will never answer: stop waiting at once and say so.
            Wait.until(name + " answers on " + hostPort(), START_TIMEOUT,
                    () -> !process.isAlive() || Soa.answers(address));
            for (String origin : origins) {
                Wait.until(name + " serves " + origin, START_TIMEOUT,
                        () -> !process.isAlive() || Soa.serial(address, origin) >= 0);
            }
        } catch (AssertionError | RuntimeException e) {
            close();
            throw new AssertionError(e.getMessage() + "\n" + name + " log (" + log + "):\n" + logText(), e);
        }
        if (!process.isAlive()) {
            throw new Exited(name + " exited (" + process.exitValue() + ") while starting\n" + name + " log (" + log
                    + "):\n" + logText());
        }
    }

    /** The daemon exited while starting: a bad config, or the free port was taken by another process meanwhile. */
    static final class Exited extends AssertionError {
        Exited(String message) { super(message); }
    }

    /**
     * Starts a daemon on {@code fixedPort}, or on a free port when it is 0; another process may take a free port
     * between choosing and binding, so a daemon that exits while starting on a chosen port is tried on another one
     * (3 tries in all) before its last log is reported.
     */
    static <D extends Daemon> D startOnPort(int fixedPort, java.util.function.IntFunction<D> start) {
        int tries = fixedPort != 0 ? 1 : 3;
        for (int attempt = 1; ; attempt++) {
            try {
                return start.apply(fixedPort != 0 ? fixedPort : FreePorts.tcpUdp());
            } catch (Exited e) {
                if (attempt >= tries) throw e;
            }
        }
    }

    public String name() { return name; }

    public InetSocketAddress address() { return address; }

    public int port() { return address.getPort(); }

    /** {@code 127.0.0.1:port}, the form NS-Global's configs and APIs take. */
    public String hostPort() { return address.getAddress().getHostAddress() + ":" + address.getPort(); }

    /** The daemon's working directory (config, zone files, state). */
    public Path home() { return home; }

    public Path logFile() { return log; }

    /** The daemon's log so far ("" when it wrote none yet). */
    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** The serial the daemon serves for {@code origin}, or -1. */
    public long serial(String origin) { return Soa.serial(address, origin); }

    /** Waits until the daemon serves {@code origin} with {@code serial}; fails with the last serial and the log. */
    public void awaitSerial(String origin, long serial, Duration timeout) {
        try {
            Wait.until(name + " serves " + origin + " with serial " + serial, timeout, () -> serial(origin),
                    s -> s == serial);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + name + " log:\n" + logText(), e);
        }
    }

    /** Waits until the daemon no longer serves {@code origin}; fails with the last serial and the log. */
    public void awaitAbsent(String origin, Duration timeout) {
        try {
            Wait.until(name + " stops serving " + origin, timeout, () -> serial(origin), s -> s == -1);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + name + " log:\n" + logText(), e);
        }
    }

    public boolean isAlive() { return process.isAlive(); }

    public long pid() { return process.pid(); }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static Path createHome(Path parent, String prefix) {
        try {
            return Files.createDirectories(parent.resolve(prefix + "-" + System.nanoTime()));
        } catch (IOException e) {
            throw new UncheckedIOException("testkit: cannot create " + parent, e);
        }
    }

    static void write(Path file, CharSequence text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("testkit: cannot write " + file, e);
        }
    }
}
