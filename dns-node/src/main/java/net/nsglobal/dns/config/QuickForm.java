package net.nsglobal.dns.config;

import net.nsglobal.config.ConfigException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The one-line form of the node config ({@code nsglobal node --listen … --zone …}). The flags are written into the
 * same YAML tree a config file gives (on top of {@code --config} when both are used: flags that name one value
 * replace it, repeatable flags add entries) and then parsed by the one parser, {@link NodeConfig#fromTree}.
 * Paths on the command line are relative to the current folder.
 */
public final class QuickForm {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (see docs/configuration.md)")
    Path config;

    @Option(names = "--listen", paramLabel = "ADDR:PORT", description = "serve DNS here, UDP+TCP (repeatable; [V6]:PORT)")
    List<String> listen = new ArrayList<>();

    @Option(names = "--zone", paramLabel = "NAME=FILE", description = "serve a primary zone from a master file (repeatable)")
    List<String> zones = new ArrayList<>();

    @Option(names = "--nsid", paramLabel = "ID", description = "site identity: NSID, hostname.bind and id.server")
    String nsid;

    @Option(names = "--http", paramLabel = "ADDR:PORT", description = "serve /metrics, /health and POST /reload here")
    String http;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "persist secondary zones and timers here")
    Path dataDir;

    @Option(names = "--secondary", paramLabel = "NAME=ADDR:PORT[,ADDR:PORT…]", description = "a secondary zone and its primaries (repeatable)")
    List<String> secondaries = new ArrayList<>();

    @Option(names = "--tsig", paramLabel = "NAME:ALGORITHM:BASE64SECRET", description = "a TSIG key; with exactly one key, every --secondary and --catalog uses it (repeatable)")
    List<String> tsig = new ArrayList<>();

    @Option(names = "--catalog", paramLabel = "NAME=ADDR:PORT[,ADDR:PORT…]", description = "a catalog zone (RFC 9432) to consume (repeatable)")
    List<String> catalogs = new ArrayList<>();

    @Option(names = "--role", paramLabel = "ROLE", description = "standalone | collector | edge")
    String role;

    @Option(names = "--udp-workers", paramLabel = "N", description = "UDP receive threads per address")
    String udpWorkers;

    @Option(names = "--udp-io", paramLabel = "MODE", description = "auto | batched | nio")
    String udpIo;

    /** Parses the flags alone (no other arguments allowed). */
    public static QuickForm parse(String... args) throws ConfigException {
        QuickForm q = new QuickForm();
        try {
            new CommandLine(q).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new ConfigException("(command line)", e.getMessage());
        }
        return q;
    }

    /** Builds the config: the YAML tree of {@code --config} (if any) with the flags written over it. */
    public NodeConfig toConfig() throws ConfigException {
        Path base;
        ObjectNode tree;
        if (config != null) {
            JsonNode t = NodeConfig.readTree(config);
            if (!t.isObject()) throw new ConfigException("(top level)", "expected a mapping of key: value");
            tree = (ObjectNode) t;
            base = NodeConfig.baseDirOf(config);
        } else {
            tree = JsonNodeFactory.instance.objectNode();
            base = Path.of("").toAbsolutePath();
        }
        Path cwd = Path.of("").toAbsolutePath();
        ObjectNode server = object(tree, "server");
        if (!listen.isEmpty()) {
            ArrayNode a = server.putArray("listen");
            listen.forEach(a::add);
        }
        if (http != null) server.put("http", http);
        if (udpWorkers != null) server.put("udp-workers", udpWorkers);
        if (udpIo != null) server.put("udp-io", udpIo);
        if (nsid != null) object(tree, "identity").put("nsid", nsid);
        if (role != null) tree.put("role", role);
        if (dataDir != null) tree.put("data-dir", cwd.resolve(dataDir).toString());
        for (String z : zones) {
            String[] kv = split(z, "--zone", "NAME=FILE");
            ObjectNode e = array(tree, "zones").addObject();
            e.put("name", kv[0]);
            e.put("file", cwd.resolve(kv[1]).toString());
        }
        String onlyKey = null;
        for (String t : tsig) {
            String[] p = t.split(":", 3);
            if (p.length != 3) throw new ConfigException("--tsig", "expected NAME:ALGORITHM:BASE64SECRET, got '" + t + "'");
            ObjectNode k = array(tree, "tsig-keys").addObject();
            k.put("name", p[0]);
            k.put("algorithm", p[1]);
            k.put("secret", p[2]);
            onlyKey = p[0];
        }
        if (tsig.size() != 1) onlyKey = null;
        addTransferSources(tree, "secondaries", "--secondary", secondaries, onlyKey);
        addTransferSources(tree, "catalogs", "--catalog", catalogs, onlyKey);
        return NodeConfig.fromTree(tree, config != null ? base : cwd);
    }

    private static void addTransferSources(ObjectNode tree, String key, String flag, List<String> values, String tsigKey)
            throws ConfigException {
        for (String v : values) {
            String[] kv = split(v, flag, "NAME=ADDR:PORT[,ADDR:PORT…]");
            ObjectNode e = array(tree, key).addObject();
            e.put("name", kv[0]);
            ArrayNode p = e.putArray("primaries");
            for (String addr : kv[1].split(",")) p.add(addr.trim());
            if (tsigKey != null) e.put("tsig-key", tsigKey);
        }
    }

    private static String[] split(String v, String flag, String form) throws ConfigException {
        int eq = v.indexOf('=');
        if (eq <= 0 || eq == v.length() - 1) throw new ConfigException(flag, "expected " + form + ", got '" + v + "'");
        return new String[] {v.substring(0, eq), v.substring(eq + 1)};
    }

    private static ObjectNode object(ObjectNode tree, String key) throws ConfigException {
        JsonNode n = tree.get(key);
        if (n == null || n.isNull()) return tree.putObject(key);
        if (!n.isObject()) throw new ConfigException(key, "expected a mapping of key: value");
        return (ObjectNode) n;
    }

    private static ArrayNode array(ObjectNode tree, String key) throws ConfigException {
        JsonNode n = tree.get(key);
        if (n == null || n.isNull()) return tree.putArray(key);
        if (!n.isArray()) throw new ConfigException(key, "expected a list");
        return (ArrayNode) n;
    }
}
