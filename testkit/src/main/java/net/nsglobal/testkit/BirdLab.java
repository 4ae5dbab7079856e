package net.nsglobal.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A BGP lab of real BIRD 2 routers in Linux network namespaces: one site router (its configuration is the caller's,
 * e.g. rendered by te-engine from a sites-like record) and two upstream routers, each joined to the site by a veth
 * pair on its own /30:
 * <pre>
 *   upstream up1 (AS 64601) 10.255.1.2 ── veth ── 10.255.1.1  site (the caller's AS)  10.255.2.1 ── veth ── 10.255.2.2 upstream up2 (AS 64602)
 * </pre>
 * The upstreams import everything and export nothing, and each has a control socket, so a test reads exactly what the
 * site announced to it ({@link #birdc}). Names are unique per lab, so parallel labs never meet; {@link #close} stops the
 * routers and deletes the namespaces (with their veths), also after a failed start. Needs root and {@code ip netns}
 * (iproute2): without them {@link #start} fails with an AssertionError that says so — never a skip. Traffic stays
 * inside the namespaces.
 */
public final class BirdLab implements AutoCloseable {
    /** How long BIRD may take to open its socket, and sessions to come up: generous, the machine is shared. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

    /** One upstream router: its name (the neighbour name the site config uses), AS and the addresses on its link. */
    public record Upstream(String name, long as, String address, String siteAddress) {}

    /**
     * A site file ({@code sites/<id>.yaml} schema) for the lab's site router, AS 64500, its neighbours the lab's two
     * upstreams, announcing 198.51.100.0/24.
     */
    public static final String SITE_YAML = """
            id: lab1
            city: Lab
            country: NL
            latitude: 52.3
            longitude: 4.9
            unicast_v4: 192.0.2.1
            anycast_prefixes: ["198.51.100.0/24"]
            local_as: 64500
            neighbors:
              - name: up1
                peer_as: 64601
                address: 10.255.1.2
              - name: up2
                peer_as: 64602
                address: 10.255.2.2
            """;

    public static final List<Upstream> UPSTREAMS = List.of(
            new Upstream("up1", 64601, "10.255.1.2", "10.255.1.1"),
            new Upstream("up2", 64602, "10.255.2.2", "10.255.2.1"));

    private final String tag;
    private final Path dir;
    private final List<String> namespaces = new ArrayList<>();
    private final Map<String, Process> routers = new LinkedHashMap<>();

    private BirdLab(String tag, Path dir) {
        this.tag = tag;
        this.dir = dir;
    }

    /**
     * Builds the namespaces and links, starts the two upstreams and the site router with {@code siteConfig} (written
     * to {@link #siteConfig()}), and waits until both sessions are Established.
     */
    public static BirdLab start(Path dir, long siteAs, String siteConfig) {
        requireRootAndNetns();
        Path bird = Binaries.require("bird", "bird2");
        Binaries.require("birdc", "bird2");
        String tag = Long.toHexString(ThreadLocalRandom.current().nextLong(0x100000, 0xffffff));
        BirdLab lab = new BirdLab(tag, dir);
        try {
            Files.createDirectories(dir);
            String site = lab.ns("site");
            lab.addNamespace(site);
            int i = 1;
            for (Upstream u : UPSTREAMS) {
                String ns = lab.ns(u.name());
                lab.addNamespace(ns);
                String siteEnd = "s" + tag + i, upEnd = "u" + tag + i;
                run("ip", "link", "add", siteEnd, "type", "veth", "peer", "name", upEnd);
                run("ip", "link", "set", siteEnd, "netns", site);
                run("ip", "link", "set", upEnd, "netns", ns);
                run("ip", "-n", site, "addr", "add", u.siteAddress() + "/30", "dev", siteEnd);
                run("ip", "-n", ns, "addr", "add", u.address() + "/30", "dev", upEnd);
                run("ip", "-n", site, "link", "set", siteEnd, "up");
                run("ip", "-n", ns, "link", "set", upEnd, "up");
                Path conf = dir.resolve(u.name() + ".conf");
                Files.writeString(conf, upstreamConfig(u, siteAs), StandardCharsets.UTF_8);
                lab.launch(u.name(), ns, bird, conf);
                i++;
            }
            Files.writeString(lab.siteConfig(), siteConfig, StandardCharsets.UTF_8);
            lab.launch("site", site, bird, lab.siteConfig());
            for (Upstream u : UPSTREAMS) lab.awaitEstablished(u.name());
            return lab;
        } catch (IOException e) {
            lab.close();
            throw new AssertionError("BirdLab: start failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            lab.close();
            throw e;
        }
    }

    private static String upstreamConfig(Upstream u, long siteAs) {
        return "# BirdLab upstream " + u.name() + ": takes everything the site sends, sends nothing.\n"
                + "router id " + u.address() + ";\n"
                + "timeformat protocol iso long ms;\n"
                + "log stderr all;\n"
                + "protocol device {}\n"
                + "protocol bgp site {\n"
                + "  local " + u.address() + " as " + u.as() + ";\n"
                + "  neighbor " + u.siteAddress() + " as " + siteAs + ";\n"
                // Open the session from this side early (the site keeps BIRD's default 5 s), retry quickly.
                + "  connect delay time 1;\n  connect retry time 2;\n"
                // After a refused session (a wrong AS under test) try again within seconds, not BIRD's 60 s or more.
                + "  error wait time 1, 5;\n"
                + "  ipv4 { import all; export none; };\n"
                + "}\n";
    }

    /** The site router's configuration file ({@code bird -c}). */
    public Path siteConfig() {
        return dir.resolve("site.conf");
    }

    /** The control socket of {@code router} ("site", "up1", "up2"). */
    public Path socket(String router) {
        return dir.resolve(router + ".ctl");
    }

    /** The log of {@code router} (BIRD's stderr), for failure messages. */
    public String log(String router) {
        try {
            Path log = dir.resolve(router + ".log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Runs {@code birdc -s SOCKET COMMAND} against {@code router} and returns its output (an independent observer).
     * BIRD's own errors ("Network not found": birdc exits 1) are output like any other; only an unreachable router
     * is an AssertionError.
     */
    public String birdc(String router, String command) {
        List<String> cmd = new ArrayList<>(List.of("birdc", "-s", socket(router).toString()));
        cmd.addAll(List.of(command.split(" ")));
        String out = exec(cmd, true);
        if (out.contains("Unable to connect")) throw new AssertionError("BirdLab " + tag + ": " + router + ": " + out.strip());
        return out;
    }

    /** The {@code show protocols} row of the site's session on {@code upstream}, e.g. {@code site BGP --- up 2026-… Established}. */
    public String sessionRow(String upstream) {
        return birdc(upstream, "show protocols site").lines().filter(l -> l.startsWith("site ")).findFirst().orElse("");
    }

    /** Waits until the upstream's session with the site is Established. */
    public void awaitEstablished(String upstream) {
        Wait.until("BirdLab " + tag + ": " + upstream + "'s session with the site is Established", START_TIMEOUT,
                () -> {
                    routers.keySet().forEach(this::requireAlive);
                    return sessionRow(upstream);
                }, r -> r.contains("Established"));
    }

    /** An AssertionError with the router's log if its bird has exited (an Error ends a {@link Wait} at once). */
    private void requireAlive(String router) {
        Process p = routers.get(router);
        if (p != null && !p.isAlive()) {
            throw new AssertionError("BirdLab " + tag + ": bird " + router + " exited " + p.exitValue() + ":\n" + log(router));
        }
    }

    private String ns(String role) {
        return "nsgl-" + tag + "-" + role;
    }

    private void addNamespace(String ns) {
        run("ip", "netns", "add", ns);
        namespaces.add(ns);
        run("ip", "-n", ns, "link", "set", "lo", "up");
    }

    private void launch(String router, String ns, Path bird, Path conf) throws IOException {
        Path log = dir.resolve(router + ".log");
        Process p = new ProcessBuilder("ip", "netns", "exec", ns, bird.toString(), "-f", "-c", conf.toString(),
                "-s", socket(router).toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        routers.put(router, p);
        // BIRD opens its socket before it reads the configuration, so the socket alone proves nothing: wait for an
        // answer to "show status", and give up at once with the log when the process has exited.
        Wait.until("BirdLab " + tag + ": " + router + " answers on its control socket " + socket(router) + " (log: " + log + ")",
                START_TIMEOUT, () -> {
                    requireAlive(router);
                    return Files.exists(socket(router))
                            && exec(List.of("birdc", "-s", socket(router).toString(), "show", "status"), true).contains("Daemon is up");
                });
    }

    private static void requireRootAndNetns() {
        String uid = exec(List.of("id", "-u"), true).strip();
        if (!uid.equals("0")) {
            throw new AssertionError("BirdLab needs root for network namespaces (uid is " + uid + "); run the tests as root "
                    + "(bash scripts/test.sh does)");
        }
        try {
            exec(List.of("ip", "netns", "list"), false);
        } catch (AssertionError e) {
            throw new AssertionError("BirdLab needs `ip netns` (Debian package iproute2): " + e.getMessage(), e);
        }
    }

    private static void run(String... command) {
        exec(List.of(command), false);
    }

    private static String exec(List<String> command, boolean quiet) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("BirdLab: " + String.join(" ", command) + " did not finish within " + COMMAND_TIMEOUT);
            }
            if (p.exitValue() != 0 && !quiet) {
                throw new AssertionError("BirdLab: " + String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("BirdLab: cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("BirdLab: interrupted running " + String.join(" ", command), e);
        }
    }

    /** Stops every router (SIGTERM, then SIGKILL) and deletes the namespaces; safe to call twice. */
    @Override
    public void close() {
        for (Process p : routers.values()) p.destroy();
        for (Process p : routers.values()) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        routers.clear();
        for (String ns : namespaces) exec(List.of("ip", "netns", "del", ns), true);
        namespaces.clear();
    }
}
