package net.nsglobal.testkit;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An nsd.conf (NSD 4) built from parts: one server process, no chroot or privilege drop, RRL off, no remote control;
 * zones from text or files, as primaries (optionally allowing transfers and sending NOTIFY) or secondaries.
 */
public final class NsdConfig {
    record Zone(String origin, String text, Path file, List<String> extra) {}

    private int port;
    private final Map<String, Tsig> keys = new LinkedHashMap<>();
    private final Map<String, Zone> zones = new LinkedHashMap<>();

    public NsdConfig listen(int port) { this.port = port; return this; }

    public NsdConfig key(Tsig key) { keys.put(key.name(), key); return this; }

    /** A zone served from {@code text}; {@code extra} are zone options, e.g. {@code "provide-xfr: 127.0.0.1 NOKEY"}. */
    public NsdConfig zone(String origin, String text, String... extra) {
        zones.put(origin, new Zone(origin, text, null, List.of(extra)));
        return this;
    }

    /** A zone served from an existing file. */
    public NsdConfig zoneFile(String origin, Path file, String... extra) {
        zones.put(origin, new Zone(origin, null, file.toAbsolutePath(), List.of(extra)));
        return this;
    }

    /** A secondary zone: NOTIFY accepted from and transfers requested of {@code primary}, signed with {@code key}. */
    public NsdConfig secondary(String origin, InetSocketAddress primary, Tsig key) {
        if (key != null) key(key);
        String k = key != null ? key.name() : "NOKEY";
        String a = primary.getAddress().getHostAddress();
        zones.put(origin, new Zone(origin, null, null, List.of("allow-notify: " + a + " " + k,
                "request-xfr: " + a + "@" + primary.getPort() + " " + k)));
        return this;
    }

    int port() { return port; }

    List<Zone> zones() { return List.copyOf(zones.values()); }

    static Path zoneFile(Path home, String origin) {
        return home.resolve((origin.endsWith(".") ? origin : origin + ".") + "zone");
    }

    String render(Path home, int port) {
        StringBuilder c = new StringBuilder();
        c.append("server:\n    ip-address: 127.0.0.1@").append(port).append('\n')
         .append("    server-count: 1\n    username: \"\"\n    chroot: \"\"\n")
         .append("    zonesdir: \"").append(home).append("\"\n")
         .append("    database: \"\"\n    zonelistfile: \"").append(home.resolve("zone.list")).append("\"\n")
         .append("    xfrdfile: \"").append(home.resolve("xfrd.state")).append("\"\n")
         .append("    pidfile: \"").append(home.resolve("nsd.pid")).append("\"\n")
         .append("    logfile: \"").append(home.resolve("nsd.log")).append("\"\n")
         .append("    rrl-ratelimit: 0\n    minimal-responses: yes\n    verbosity: 1\n")
         .append("remote-control:\n    control-enable: no\n");
        for (Tsig k : keys.values()) {
            c.append("key:\n    name: \"").append(k.name()).append("\"\n    algorithm: ").append(k.algorithm())
             .append("\n    secret: \"").append(k.secret()).append("\"\n");
        }
        for (Zone z : zones.values()) {
            Path file = z.file() != null ? z.file() : zoneFile(home, z.origin());
            c.append("zone:\n    name: \"").append(z.origin()).append("\"\n    zonefile: \"").append(file).append("\"\n");
            z.extra().forEach(l -> c.append("    ").append(l).append('\n'));
        }
        return c.toString();
    }
}
