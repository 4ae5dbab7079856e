package net.nsglobal.testkit;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A knot.conf (Knot DNS 3.2) built from parts: keys, remotes, ACLs, templates and zones. Every knotd gets one worker
 * per kind, its storage and rundir in its own directory, and its log on stderr. The {@code default} template keeps
 * zone files as written ({@code zonefile-sync: -1}); {@link #journal} makes knotd diff each reload into its journal
 * so it serves IXFR. Lines passed as {@code extra} are Knot options of that item, one per string, e.g.
 * {@code "master: gold"} or {@code "catalog-role: interpret"}.
 */
public final class KnotConfig {
    /** A zone: its text (written to a file), an existing file, or neither (a secondary or a catalog). */
    record Zone(String origin, String text, Path file, List<String> extra) {}

    private int port;
    private String logLevel = "info";
    private boolean journal;
    private final List<String> serverExtra = new ArrayList<>();
    private final Map<String, Tsig> keys = new LinkedHashMap<>();
    private final Map<String, List<String>> remotes = new LinkedHashMap<>();
    private final Map<String, List<String>> acls = new LinkedHashMap<>();
    private final List<String> defaults = new ArrayList<>();
    private final Map<String, List<String>> templates = new LinkedHashMap<>();
    private final Map<String, Zone> zones = new LinkedHashMap<>();
    private final List<String> notifyTargets = new ArrayList<>();

    /** The port to listen on (127.0.0.1, UDP and TCP); a free one when not set. */
    public KnotConfig listen(int port) { this.port = port; return this; }

    /** The log level of every category (default {@code info}). */
    public KnotConfig logLevel(String level) { this.logLevel = level; return this; }

    /** Reloads are diffed into the journal ({@code zonefile-load: difference}), so knotd serves IXFR. */
    public KnotConfig journal() { this.journal = true; return this; }

    /** An option in the {@code server:} section, e.g. {@code "nsid: fra1"}. */
    public KnotConfig server(String line) { serverExtra.add(line); return this; }

    /** A TSIG key; adding a key with a name already present replaces it (a rotation). */
    public KnotConfig key(Tsig key) { keys.put(key.name(), key); return this; }

    /** A remote server, optionally with the key that signs what knotd sends it. */
    public KnotConfig remote(String id, InetSocketAddress address, Tsig key) {
        List<String> lines = new ArrayList<>(List.of("address: " + address.getAddress().getHostAddress() + "@"
                + address.getPort()));
        if (key != null) { key(key); lines.add("key: " + key.name()); }
        remotes.put(id, lines);
        return this;
    }

    /** An ACL for 127.0.0.0/8 allowing {@code action} (transfer, notify, update), only signed by {@code key} if given. */
    public KnotConfig acl(String id, String action, Tsig key) {
        List<String> lines = new ArrayList<>(List.of("address: 127.0.0.0/8"));
        if (key != null) { key(key); lines.add("key: " + key.name()); }
        lines.add("action: " + action);
        acls.put(id, lines);
        return this;
    }

    /**
     * Every zone of the default template may be transferred from 127.0.0.0/8 (ACL {@code xfr}), only with {@code key}
     * when given. Knot checks a signed query against the keys of the zone's ACLs: another key gets NOTAUTH/BADKEY.
     */
    public KnotConfig allowTransfer(Tsig key) {
        acl("xfr", "transfer", key);
        return defaults("acl: xfr");
    }

    /** Every zone of the default template sends NOTIFY to {@code target}, signed with {@code key} if given. */
    public KnotConfig notify(InetSocketAddress target, Tsig key) {
        String id = "notify" + (notifyTargets.size() + 1);
        remote(id, target, key);
        notifyTargets.add(id);
        return this;
    }

    /** Each zone of {@code zones} (origin → text), as {@link #zone(String, String, String...)}. */
    public KnotConfig zones(Map<String, String> zones) {
        zones.forEach((origin, text) -> zone(origin, text));
        return this;
    }

    /** An option of the {@code default} template, which every zone without a template uses, e.g. {@code "acl: xfr"}. */
    public KnotConfig defaults(String... lines) { defaults.addAll(List.of(lines)); return this; }

    /** Another template (its storage is set to the daemon's directory). */
    public KnotConfig template(String id, String... lines) { templates.put(id, List.of(lines)); return this; }

    /** A zone served from {@code text} (written into the daemon's directory). */
    public KnotConfig zone(String origin, String text, String... extra) {
        zones.put(origin, new Zone(origin, text, null, List.of(extra)));
        return this;
    }

    /** A zone served from an existing file. */
    public KnotConfig zoneFile(String origin, Path file, String... extra) {
        zones.put(origin, new Zone(origin, null, file.toAbsolutePath(), List.of(extra)));
        return this;
    }

    /** A zone without a local file: a secondary ({@code "master: id"}) or a catalog. knotd does not wait for it. */
    public KnotConfig zoneWithoutFile(String origin, String... extra) {
        zones.put(origin, new Zone(origin, null, null, List.of(extra)));
        return this;
    }

    int port() { return port; }

    List<Zone> zones() { return List.copyOf(zones.values()); }

    /** The knot.conf text for a daemon living in {@code home} on {@code port}. */
    String render(Path home, int port) {
        StringBuilder c = new StringBuilder();
        c.append("server:\n  rundir: \"").append(home).append("\"\n  listen: 127.0.0.1@").append(port).append('\n')
         .append("  udp-workers: 1\n  tcp-workers: 1\n  background-workers: 1\n");
        serverExtra.forEach(l -> c.append("  ").append(l).append('\n'));
        c.append("database:\n  storage: \"").append(home).append("\"\n");
        c.append("log:\n  - target: stderr\n    any: ").append(logLevel).append('\n');
        if (!keys.isEmpty()) {
            c.append("key:\n");
            for (Tsig k : keys.values()) {
                c.append("  - id: ").append(k.name()).append("\n    algorithm: ").append(k.algorithm())
                 .append("\n    secret: ").append(k.secret()).append('\n');
            }
        }
        section(c, "remote", remotes);
        section(c, "acl", acls);
        c.append("template:\n  - id: default\n    storage: \"").append(home).append("\"\n")
         .append("    zonefile-sync: -1\n")
         .append(journal ? "    zonefile-load: difference\n    journal-content: changes\n"
                         : "    zonefile-load: whole\n    journal-content: none\n");
        defaults.forEach(l -> c.append("    ").append(l).append('\n'));
        if (!notifyTargets.isEmpty()) c.append("    notify: [").append(String.join(", ", notifyTargets)).append("]\n");
        for (Map.Entry<String, List<String>> t : templates.entrySet()) {
            c.append("  - id: ").append(t.getKey()).append("\n    storage: \"").append(home).append("\"\n");
            t.getValue().forEach(l -> c.append("    ").append(l).append('\n'));
        }
        if (!zones.isEmpty()) c.append("zone:\n");
        for (Zone z : zones.values()) {
            c.append("  - domain: \"").append(z.origin()).append("\"\n");
            Path file = z.file() != null ? z.file() : z.text() != null ? zoneFile(home, z.origin()) : null;
            if (file != null) c.append("    file: \"").append(file).append("\"\n");
            z.extra().forEach(l -> c.append("    ").append(l).append('\n'));
        }
        return c.toString();
    }

    static Path zoneFile(Path home, String origin) {
        return home.resolve((origin.endsWith(".") ? origin : origin + ".") + "zone");
    }

    private static void section(StringBuilder c, String name, Map<String, List<String>> items) {
        if (items.isEmpty()) return;
        c.append(name).append(":\n");
        for (Map.Entry<String, List<String>> i : items.entrySet()) {
            c.append("  - id: ").append(i.getKey()).append('\n');
            i.getValue().forEach(l -> c.append("    ").append(l).append('\n'));
        }
    }
}
