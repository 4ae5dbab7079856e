package net.nsglobal.testkit;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named.conf (BIND 9.18) built from parts: {@code options} statements, TSIG keys, zones and free statements. The
 * daemon listens on 127.0.0.1 only, without recursion, validation or rndc. The text {@code DIR} in any statement is
 * replaced by the daemon's directory.
 */
public final class NamedConfig {
    record Zone(String origin, String text, boolean served, String body) {}

    private int port;
    private final List<String> options = new ArrayList<>();
    private final Map<String, Tsig> keys = new LinkedHashMap<>();
    private final List<Zone> zones = new ArrayList<>();
    private final List<String> statements = new ArrayList<>();

    /** The port to listen on; a free one when not set. */
    public NamedConfig listen(int port) { this.port = port; return this; }

    /** A statement inside {@code options { }}, with its semicolon, e.g. {@code "allow-new-zones yes;"}. */
    public NamedConfig option(String statement) { options.add(statement); return this; }

    public NamedConfig key(Tsig key) { keys.put(key.name(), key); return this; }

    /** A primary zone served from {@code text}, with extra zone statements (e.g. {@code "allow-transfer { any; };"}). */
    public NamedConfig primary(String origin, String text, String... extra) {
        zones.add(new Zone(origin, text, true, "type primary; file \"" + "DIR/" + fileName(origin) + "\"; "
                + String.join(" ", extra)));
        return this;
    }

    /** A secondary zone transferring from {@code primary}, signed with {@code key} if given. */
    public NamedConfig secondary(String origin, InetSocketAddress primary, Tsig key, String... extra) {
        if (key != null) key(key);
        zones.add(new Zone(origin, null, false, "type secondary; primaries { "
                + primary.getAddress().getHostAddress() + " port " + primary.getPort()
                + (key != null ? " key \"" + key.name() + "\"" : "") + "; }; file \"DIR/" + fileName(origin)
                + "\"; " + String.join(" ", extra)));
        return this;
    }

    /** Any other top-level statement (zones with catalog options, ...). */
    public NamedConfig statement(String text) { statements.add(text); return this; }

    int port() { return port; }

    List<Zone> zones() { return zones; }

    static String fileName(String origin) { return (origin.endsWith(".") ? origin : origin + ".") + "zone"; }

    String render(Path home, int port) {
        StringBuilder c = new StringBuilder();
        c.append("options {\n  directory \"").append(home).append("\";\n  pid-file \"").append(home)
         .append("/named.pid\";\n  session-keyfile \"").append(home).append("/session.key\";\n")
         .append("  listen-on port ").append(port).append(" { 127.0.0.1; };\n  listen-on-v6 { none; };\n")
         .append("  recursion no;\n  dnssec-validation no;\n");
        options.forEach(o -> c.append("  ").append(o).append('\n'));
        c.append("};\ncontrols { };\n");
        for (Tsig k : keys.values()) {
            c.append("key \"").append(k.name()).append("\" { algorithm ").append(k.algorithm()).append("; secret \"")
             .append(k.secret()).append("\"; };\n");
        }
        for (Zone z : zones) c.append("zone \"").append(z.origin()).append("\" { ").append(z.body()).append(" };\n");
        statements.forEach(s -> c.append(s).append('\n'));
        return c.toString().replace("DIR", home.toString());
    }
}
