package net.nsglobal.te.announce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.nsglobal.te.apply.BirdReply;
import net.nsglobal.te.apply.UnixSocketBirdc;
import net.nsglobal.testkit.Binaries;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Wait;

/**
 * Two real BIRD 2 daemons on loopback, no namespaces: the site router (127.0.0.1, AS 65001) originates the anycast
 * prefix through an export filter that includes the agent's state file, exactly as a site's bird.conf does, and the
 * upstream router (127.0.0.2, AS 64500) imports what it is sent, so its table is what the Internet would see. Each
 * BGP speaker binds its own port ({@code local … port}); the upstream is passive so only one side connects.
 */
final class BirdPair implements AutoCloseable {
    static final String PREFIX = "192.0.2.0/24";

    private final Path dir;
    private final Path siteSocket;
    private final Path upstreamSocket;
    private final List<Process> birds = new ArrayList<>();

    /** Starts both with {@code stateFile} (written already) included by the site router; waits for the session. */
    BirdPair(Path dir, Path stateFile) throws IOException {
        this.dir = dir;
        Path bird = Binaries.require("bird", "bird2");
        int[] ports = FreePorts.distinct(2);
        Files.writeString(dir.resolve("site.conf"), """
                router id 10.0.0.1;
                protocol device {}
                protocol static anycast4 { ipv4; route %s blackhole; }
                filter export_upstream {
                  if net ~ [ %s ] then {
                    include "%s";
                    accept;
                  }
                  reject;
                }
                protocol bgp upstream {
                  local 127.0.0.1 port %d as 65001;
                  neighbor 127.0.0.2 port %d as 64500;
                  multihop;
                  connect delay time 1;
                  connect retry time 1;
                  ipv4 { import none; export filter export_upstream; };
                }
                """.formatted(PREFIX, PREFIX, stateFile.toAbsolutePath(), ports[0], ports[1]));
        Files.writeString(dir.resolve("upstream.conf"), """
                router id 10.0.0.2;
                protocol device {}
                protocol bgp site {
                  local 127.0.0.2 port %d as 64500;
                  neighbor 127.0.0.1 port %d as 65001;
                  multihop;
                  passive on;
                  ipv4 { import all; export none; };
                }
                """.formatted(ports[1], ports[0]));
        this.siteSocket = dir.resolve("site.ctl");
        this.upstreamSocket = dir.resolve("upstream.ctl");
        try {
            start(bird, "upstream");
            start(bird, "site");
            Wait.until("the BGP session site → upstream is Established", Duration.ofSeconds(60),
                    () -> ask(upstreamSocket, "show protocols site").text(), t -> t.contains("Established"));
        } catch (AssertionError | RuntimeException e) {
            String logs = logs();
            close();
            throw new AssertionError(e.getMessage() + "\n" + logs, e);
        }
    }

    private void start(Path bird, String name) throws IOException {
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(bird.toString(), "-f", "-c", dir.resolve(name + ".conf").toString(), "-s",
                dir.resolve(name + ".ctl").toString(), "-P", dir.resolve(name + ".pid").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        birds.add(p);
        Wait.until("bird " + name + " answers on its control socket", Duration.ofSeconds(30),
                () -> !p.isAlive() || ask(name.equals("site") ? siteSocket : upstreamSocket, "show status").ok());
        if (!p.isAlive()) throw new AssertionError("bird " + name + " exited: " + Files.readString(log));
    }

    /** One command on a control socket; a router not (yet) answering is a failed reply, for Wait.until. */
    private static BirdReply ask(Path socket, String command) {
        try (UnixSocketBirdc c = UnixSocketBirdc.connect(socket)) {
            return c.send(command);
        } catch (IOException e) {
            return new BirdReply(9999, List.of(new BirdReply.Line(9999, e.getMessage())));
        }
    }

    /** The site router's control socket (the agent's bird-socket). */
    Path siteSocket() {
        return siteSocket;
    }

    /** What the upstream's table holds for the anycast prefix, with attributes ("" when nothing). */
    String upstreamRoute() {
        BirdReply r = ask(upstreamSocket, "show route " + PREFIX + " all");
        if (r.text().contains("Network not found")) return ""; // BIRD's error reply for an empty answer
        if (!r.ok()) throw new AssertionError("show route on the upstream: " + r);
        return r.text().contains(PREFIX) ? r.text() : "";
    }

    boolean upstreamHasRoute() {
        return !upstreamRoute().isEmpty();
    }

    String logs() {
        StringBuilder b = new StringBuilder();
        for (String name : List.of("site", "upstream")) {
            try {
                Path log = dir.resolve(name + ".log");
                b.append("bird ").append(name).append(" log:\n").append(Files.exists(log) ? Files.readString(log) : "")
                        .append('\n');
            } catch (IOException e) {
                b.append(e).append('\n');
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        for (Process p : birds) p.destroy();
        for (Process p : birds) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
