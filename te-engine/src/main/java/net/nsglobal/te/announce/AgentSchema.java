package net.nsglobal.te.announce;

import static net.nsglobal.config.Kind.*;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.nsglobal.config.Setting;
import org.xbill.DNS.Name;

/**
 * THE site agent's configuration schema: the {@code site-agent:} section of its process file (one agent per site,
 * beside the site's dns-node and BIRD). Defaults follow anycast-healthchecker and ExaBGP's healthcheck: a few seconds
 * between rounds, three in a row to change.
 */
public final class AgentSchema {
    private AgentSchema() {}

    public static final String SECTION = "site-agent";

    public static final Setting<String> SITE = Setting.required("site", string(),
            "the site's code (ams1): named in every log line and metric of the agent");
    public static final Setting<InetSocketAddress> DNS_ADDRESS = Setting.required("dns-address", socketAddress(53),
            "where the local dns-node is asked whether it answers: the anycast service address as the node listens on it");
    public static final Setting<Name> PROBE_ZONE = Setting.optional("probe-zone", dnsName(), null,
            "zone whose SOA the DNS check asks for (healthy: authoritative answer with the SOA); unset = CHAOS TXT "
                    + "hostname.bind (healthy: NOERROR)");
    public static final Setting<Duration> CHECK_INTERVAL = Setting.optional("check-interval",
            duration(Duration.ofMillis(100), Duration.ofHours(1)), Duration.ofSeconds(5),
            "time between check rounds; withdrawal takes fall rounds, announcing rise rounds");
    public static final Setting<Duration> CHECK_TIMEOUT = Setting.optional("check-timeout",
            duration(Duration.ofMillis(50), Duration.ofMinutes(1)), Duration.ofSeconds(1),
            "how long each check waits for an answer; shorter than check-interval");
    public static final Setting<Integer> RISE = Setting.optional("rise", integer(1, 1000), 3,
            "healthy rounds in a row before the prefix is announced again");
    public static final Setting<Integer> FALL = Setting.optional("fall", integer(1, 1000), 3,
            "failed rounds in a row before the prefix is withdrawn (one failed round never withdraws unless fall is 1)");
    public static final Setting<InetSocketAddress> NODE_HTTP = Setting.optional("node-http", socketAddress(0), null,
            "the dns-node's HTTP endpoint (its http-listen); the zones check reads zones_expired from GET /health; "
                    + "unset = no zones check");
    public static final Setting<Integer> ZONES_EXPIRED_ALLOWED = Setting.optional("zones-expired-allowed",
            integer(0, Integer.MAX_VALUE), 0,
            "expired zones the site may have and still announce (an outage of the primaries expires zones at every site)");
    public static final Setting<InetSocketAddress> COLLECTOR = Setting.optional("collector", socketAddress(0), null,
            "the collector's ADDR:PORT, checked by TCP connect; unset = no collector check");
    public static final Setting<Duration> COLLECTOR_THRESHOLD = Setting.optional("collector-threshold",
            duration(Duration.ZERO, Duration.ofDays(7)), Duration.ofMinutes(5),
            "the collector must be unreachable this long before the check fails (the site still answers meanwhile)");
    public static final Setting<Duration> DRAIN_WAIT = Setting.optional("drain-wait",
            duration(Duration.ZERO, Duration.ofDays(1)), Duration.ofMinutes(1),
            "while draining, how long the announcement carries GRACEFUL_SHUTDOWN (RFC 8326) before it is withdrawn");
    public static final Setting<Path> MAINTENANCE_FILE = Setting.optional("maintenance-file", path(),
            Path.of("site-agent.maintenance"), "while this file exists the site drains, then stays withdrawn "
                    + "(`site-agent drain` creates it, `site-agent undrain` removes it)");
    public static final Setting<Path> STATE_FILE = Setting.optional("state-file", path(),
            Path.of("/etc/bird/anycast-state.conf"), "the BIRD file the agent rewrites (nothing while announced, the "
                    + "GRACEFUL_SHUTDOWN community while draining, reject while withdrawn); the site's rendered bird.conf "
                    + "includes it inside every export filter (te render's agent state file, default anycast-state.conf "
                    + "beside bird.conf)");
    public static final Setting<Path> BIRD_SOCKET = Setting.optional("bird-socket", path(),
            Path.of("/run/bird/bird.ctl"), "BIRD's control socket: the agent speaks BIRD's control protocol on it "
                    + "(configure after each change; no birdc binary needed)");
    public static final Setting<String> BIRD_SSH = Setting.optional("bird-ssh", string(), null,
            "USER@HOST or USER@HOST:PORT (port 22 unless given; [V6] in brackets): have BIRD re-read its configuration "
                    + "by running birdc on that host over SSH, bird-socket being the socket's path there; for an agent "
                    + "that cannot run beside BIRD; unset = BIRD's local control socket");
    public static final Setting<Path> BIRD_SSH_IDENTITY = Setting.optional("bird-ssh-identity", path(), null,
            "the agent's private key for bird-ssh (OpenSSH or PEM, not encrypted; chmod 600); required with bird-ssh");
    public static final Setting<String> BIRD_SSH_HOST_KEY = Setting.optional("bird-ssh-host-key", string(), null,
            "the host's key for bird-ssh: its SHA256 fingerprint (ssh-keygen -lf: SHA256:…) or a known_hosts line "
                    + "(ssh-keyscan); any other key is refused before logging in; required with bird-ssh");
    public static final Setting<String> REPORT_URL = Setting.optional("report-url", string(), null,
            "the control plane's public URL (its dashboard, e.g. https://dash.nsglobal.example): every announce, drain "
                    + "and withdraw and each round's state are POSTed to /api/v1/te/agents/SITE/events there, after BIRD "
                    + "was told; unset = no reports");
    public static final Setting<Path> REPORT_TOKEN_FILE = Setting.optional("report-token-file", path(), null,
            "file holding an operator's API token (./nsglobal ops token create), sent as Authorization: Bearer; "
                    + "required with report-url; keep it chmod 600");
    public static final Setting<Duration> REPORT_TIMEOUT = Setting.optional("report-timeout",
            duration(Duration.ofMillis(100), Duration.ofMinutes(5)), Duration.ofSeconds(5),
            "how long one report may take; a failed one is tried again (back-off from 1 s to 1 min, 8 tries) on the "
                    + "reporter's own thread, never holding up a check round");

    /** Every key of the {@code site-agent:} section, for the reference doc. */
    public static List<Setting.Key> all() {
        return List.of(SITE.at(SECTION), DNS_ADDRESS.at(SECTION), PROBE_ZONE.at(SECTION), CHECK_INTERVAL.at(SECTION),
                CHECK_TIMEOUT.at(SECTION), RISE.at(SECTION), FALL.at(SECTION), NODE_HTTP.at(SECTION),
                ZONES_EXPIRED_ALLOWED.at(SECTION), COLLECTOR.at(SECTION), COLLECTOR_THRESHOLD.at(SECTION),
                DRAIN_WAIT.at(SECTION), MAINTENANCE_FILE.at(SECTION), STATE_FILE.at(SECTION), BIRD_SOCKET.at(SECTION),
                BIRD_SSH.at(SECTION), BIRD_SSH_IDENTITY.at(SECTION), BIRD_SSH_HOST_KEY.at(SECTION), REPORT_URL.at(SECTION), REPORT_TOKEN_FILE.at(SECTION), REPORT_TIMEOUT.at(SECTION));
    }
}
