package net.nsglobal.te.engine;

import static net.nsglobal.te.config.Schema.*;

import java.nio.file.Path;
import java.util.Optional;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.Section;

/**
 * One item of {@code te.routers}: where a site's BIRD is and how the engine reaches it — its control socket and
 * running file on this machine, or on the site's host over SSH with a pinned host key.
 *
 * <pre>
 * te:
 *   routers:
 *     - { site: fra1, socket: /run/bird/bird.ctl, config-file: /etc/bird/bird.conf }
 *     - site: ams1
 *       ssh-host: ams1.mgmt.nsglobal.example
 *       ssh-user: nsglobal-te
 *       ssh-key-file: keys/te_ed25519          # relative to the process file's folder
 *       ssh-host-key: "SHA256:…"               # or the line ssh-keyscan printed
 * </pre>
 *
 * @param key the item's dotted key ({@code te.routers[1]}), for errors found later (e.g. an unknown site)
 */
public record RouterConfig(String key, String site, String socket, String configFile, Optional<Ssh> ssh) {
    /** How to log in to the site's host. {@code hostKey} is the pinned SHA256 fingerprint. */
    public record Ssh(String host, int port, String user, Path keyFile, String hostKey) {}

    public static RouterConfig read(Section s, Path baseDir) throws ConfigException {
        String site = s.get(ROUTER_SITE);
        String socket = absolute(s, ROUTER_SOCKET.key(), s.get(ROUTER_SOCKET), site);
        String file = absolute(s, ROUTER_CONFIG_FILE.key(), s.get(ROUTER_CONFIG_FILE), site);
        String host = s.get(ROUTER_SSH_HOST);
        Integer port = s.get(ROUTER_SSH_PORT);
        String user = s.get(ROUTER_SSH_USER);
        Path key = s.get(ROUTER_SSH_KEY_FILE);
        String pinned = s.get(ROUTER_SSH_HOST_KEY);
        if (host == null) {
            for (String k : new String[] {"ssh-user", "ssh-key-file", "ssh-host-key", "ssh-port"}) {
                if (s.has(k)) throw new ConfigException(s.keyOf(k), "site " + site + ": set without ssh-host (the "
                        + "router is local without it); add ssh-host or remove " + k);
            }
            return new RouterConfig(keyOf(s), site, socket, file, Optional.empty());
        }
        if (user == null) throw new ConfigException(s.keyOf("ssh-user"), "site " + site + ": required with ssh-host");
        if (key == null) throw new ConfigException(s.keyOf("ssh-key-file"), "site " + site + ": required with ssh-host");
        if (pinned == null) {
            throw new ConfigException(s.keyOf("ssh-host-key"), "site " + site + ": required with ssh-host (the host key is "
                    + "pinned; print it with ssh-keyscan " + host + " | ssh-keygen -lf -)");
        }
        String fingerprint;
        if (pinned.startsWith("SHA256:")) {
            fingerprint = pinned;
        } else {
            try {
                fingerprint = net.nsglobal.te.apply.SshHost.fingerprintOfKnownHostsLine(pinned);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(s.keyOf("ssh-host-key"), "site " + site + ": neither SHA256:… nor a known_hosts "
                        + "line with a key: " + e.getMessage());
            }
        }
        return new RouterConfig(keyOf(s), site, socket, file,
                Optional.of(new Ssh(host, port, user, baseDir.resolve(key).normalize(), fingerprint)));
    }

    private static String keyOf(Section s) {
        String k = s.keyOf("x");
        return k.substring(0, k.length() - 2);
    }

    private static String absolute(Section s, String key, String value, String site) throws ConfigException {
        if (!value.startsWith("/")) {
            throw new ConfigException(s.keyOf(key), "site " + site + ": must be an absolute path on the site's host, got '"
                    + value + "'");
        }
        if (value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
            throw new ConfigException(s.keyOf(key), "site " + site + ": BIRD cannot quote a file name with \" or a newline");
        }
        return value;
    }

    /** For logs: {@code local /etc/bird/bird.conf} or {@code ssh user@host:22 /etc/bird/bird.conf}. */
    public String describe() {
        return ssh.map(x -> "ssh " + x.user() + "@" + x.host() + ":" + x.port() + " " + configFile())
                .orElse("local " + configFile() + " (unix:" + socket + ")");
    }
}
