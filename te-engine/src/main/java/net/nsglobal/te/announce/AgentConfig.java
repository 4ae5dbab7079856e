package net.nsglobal.te.announce;

import static net.nsglobal.te.announce.AgentSchema.*;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.security.KeyPair;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.Section;
import org.xbill.DNS.Name;

/**
 * The {@code site-agent:} section, parsed once against {@link AgentSchema}; relative paths resolve against the
 * process file's folder.
 *
 * <pre>
 * site-agent:
 *   site: ams1
 *   dns-address: 192.0.2.1            # port 53 unless given
 *   probe-zone: example.com           # SOA check; unset = CHAOS TXT hostname.bind
 *   check-interval: 5s
 *   rise: 3
 *   fall: 3
 *   node-http: 127.0.0.1:8053         # zones_expired from GET /health
 *   collector: 198.51.100.10:443
 *   collector-threshold: 5m
 *   drain-wait: 1m
 *   state-file: /etc/bird/anycast-state.conf
 *   bird-socket: /run/bird/bird.ctl
 *   report-url: https://dash.nsglobal.example   # the control plane, for the operator pages
 *   report-token-file: /etc/nsglobal/agent.token
 * </pre>
 */
public record AgentConfig(String site, InetSocketAddress dnsAddress, Name probeZone, Duration checkInterval,
                          Duration checkTimeout, int rise, int fall, InetSocketAddress nodeHttp, int zonesExpiredAllowed,
                          InetSocketAddress collector, Duration collectorThreshold, Duration drainWait,
                          Path maintenanceFile, Path stateFile, Path birdSocket, BirdSsh birdSsh,
                          URI reportUrl, Path reportTokenFile, Duration reportTimeout) {

    /** {@code bird-ssh}: where birdc runs when the agent does not sit beside BIRD; {@code hostKey} a fingerprint. */
    public record BirdSsh(String user, String host, int port, Path identity, String hostKey) {}

    public static AgentConfig read(Section s, Path baseDir) throws ConfigException {
        Duration interval = s.get(CHECK_INTERVAL);
        Duration timeout = s.get(CHECK_TIMEOUT);
        if (timeout.compareTo(interval) >= 0) {
            throw new ConfigException(s.keyOf(CHECK_TIMEOUT.key()), "must be shorter than check-interval ("
                    + interval.toMillis() + " ms): a round's checks must end before the next round");
        }
        String url = s.get(REPORT_URL);
        URI reportUrl = null;
        if (url != null) {
            try {
                reportUrl = new URI(url);
            } catch (URISyntaxException e) {
                throw new ConfigException(s.keyOf(REPORT_URL.key()), "'" + url + "' is not a URL: " + e.getReason());
            }
            if (!"http".equals(reportUrl.getScheme()) && !"https".equals(reportUrl.getScheme()) || reportUrl.getHost() == null) {
                throw new ConfigException(s.keyOf(REPORT_URL.key()), "'" + url + "' is not an http or https URL with a host");
            }
            if (s.get(REPORT_TOKEN_FILE) == null) {
                throw new ConfigException(s.keyOf(REPORT_TOKEN_FILE.key()), "required with report-url (the control "
                        + "plane accepts reports only with an operator's API token)");
            }
        }
        BirdSsh ssh = birdSsh(s, baseDir);
        Path tokenFile = s.get(REPORT_TOKEN_FILE) == null ? null : baseDir.resolve(s.get(REPORT_TOKEN_FILE));
        return new AgentConfig(s.get(SITE), s.get(DNS_ADDRESS), s.get(PROBE_ZONE), interval, timeout, s.get(RISE),
                s.get(FALL), s.get(NODE_HTTP), s.get(ZONES_EXPIRED_ALLOWED), s.get(COLLECTOR),
                s.get(COLLECTOR_THRESHOLD), s.get(DRAIN_WAIT), baseDir.resolve(s.get(MAINTENANCE_FILE)),
                baseDir.resolve(s.get(STATE_FILE)), ssh == null ? baseDir.resolve(s.get(BIRD_SOCKET)) : s.get(BIRD_SOCKET), ssh,
                reportUrl, tokenFile,
                s.get(REPORT_TIMEOUT));
    }

    private static BirdSsh birdSsh(Section s, Path baseDir) throws ConfigException {
        String target = s.get(BIRD_SSH);
        if (target == null) return null;
        var m = java.util.regex.Pattern.compile("([A-Za-z0-9._-]+)@(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(?::(\\d{1,5}))?")
                .matcher(target);
        if (!m.matches()) throw new ConfigException(s.keyOf(BIRD_SSH.key()), "'" + target + "' is not USER@HOST[:PORT]");
        int port = m.group(3) == null ? 22 : Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) throw new ConfigException(s.keyOf(BIRD_SSH.key()), "port " + port + " out of range 1…65535");
        if (s.get(BIRD_SSH_IDENTITY) == null) {
            throw new ConfigException(s.keyOf(BIRD_SSH_IDENTITY.key()), "required with bird-ssh");
        }
        String hostKey = s.get(BIRD_SSH_HOST_KEY);
        if (hostKey == null) throw new ConfigException(s.keyOf(BIRD_SSH_HOST_KEY.key()), "required with bird-ssh (the "
                + "host's key is pinned, never learnt)");
        if (!hostKey.startsWith("SHA256:")) {
            try {
                hostKey = net.nsglobal.te.apply.SshHost.fingerprintOfKnownHostsLine(hostKey);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(s.keyOf(BIRD_SSH_HOST_KEY.key()), "neither SHA256:… nor a known_hosts line: "
                        + e.getMessage());
            }
        }
        String host = m.group(2).startsWith("[") ? m.group(2).substring(1, m.group(2).length() - 1) : m.group(2);
        return new BirdSsh(m.group(1), host, port, baseDir.resolve(s.get(BIRD_SSH_IDENTITY)), hostKey);
    }

    /** How the agent reaches BIRD: over SSH when {@code bird-ssh} is set, else the local control socket. */
    public BirdConnector birdConnector() throws IOException {
        if (birdSsh == null) return BirdConnector.unix(birdSocket);
        KeyPair identity;
        try (var in = Files.newInputStream(birdSsh.identity())) {
            var keys = org.apache.sshd.common.util.security.SecurityUtils.loadKeyPairIdentities(null,
                    org.apache.sshd.common.NamedResource.ofName(birdSsh.identity().toString()), in, null);
            var it = keys == null ? null : keys.iterator();
            if (it == null || !it.hasNext()) throw new IOException("no key in it");
            identity = it.next();
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            throw new IOException("bird-ssh-identity " + birdSsh.identity() + ": cannot read a private key: "
                    + e.getMessage(), e);
        }
        return BirdConnector.ssh(birdSsh.host(), birdSsh.port(), birdSsh.user(), identity, birdSsh.hostKey(),
                checkInterval.compareTo(Duration.ofSeconds(10)) > 0 ? checkInterval : Duration.ofSeconds(10),
                birdSocket.toString());
    }

    /** The checks this configuration turns on: DNS always, zones and collector when their address is given. */
    public List<Check> checks(Clock clock) {
        List<Check> out = new ArrayList<>();
        out.add(new DnsCheck(dnsAddress, probeZone, checkTimeout));
        if (nodeHttp != null) out.add(new ZonesExpiredCheck(nodeHttp, zonesExpiredAllowed, checkTimeout));
        if (collector != null) out.add(new CollectorCheck(collector, collectorThreshold, checkTimeout, clock));
        return out;
    }

    /**
     * The agent this configuration describes (not started), reporting to the control plane when {@code report-url}
     * is set; an IOException naming the token file when it cannot be read or is empty.
     */
    public SiteAgent agent(MeterRegistry registry, Clock clock) throws IOException {
        BirdConnector bird = birdConnector();
        AgentEvents events = AgentEvents.NONE;
        if (reportUrl != null) {
            String token;
            try {
                token = Files.readString(reportTokenFile).strip();
            } catch (IOException e) {
                throw new IOException("report-token-file " + reportTokenFile + ": cannot read: " + e.getMessage(), e);
            }
            if (token.isEmpty() || token.contains("\n")) {
                throw new IOException("report-token-file " + reportTokenFile + ": must hold one API token on one line");
            }
            events = new HttpAgentEvents(site, reportUrl, token, reportTimeout, Duration.ofSeconds(1), registry);
        }
        return new SiteAgent(site, checks(clock), rise, fall, drainWait, maintenanceFile, new AnycastStateFile(stateFile),
                bird, events, registry, clock);
    }
}
