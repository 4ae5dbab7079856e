package net.nsglobal.te.config;

import static net.nsglobal.config.Kind.*;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.Kind;
import net.nsglobal.config.Setting;

/**
 * THE TE engine's configuration schema (the {@code te:} section of its process file): what measuring catchment
 * needs — which backend measures, what it measures, and how often — and the route-change loop's rules: when it
 * proposes, applies, verifies and rolls back, whether it may experiment on the production prefix, and how each site's
 * BIRD is reached ({@code routers[]}). Where the sites are is the {@code sites:} section; how to reach RIPE Atlas is
 * the {@code atlas:} section.
 */
public final class Schema {
    private Schema() {}

    public static final String SECTION = "te";

    /** Who runs the measurements. */
    public enum Backend {
        /** The simulated world (tests, the demo, offline work): no credits, no network. */
        SIMULATED,
        /** RIPE Atlas probes, through the atlas: section's API settings (credits are spent). */
        RIPE_ATLAS;

        @Override
        public String toString() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
    }

    /** An IP address without a port (the anycast service address is the same at every site). */
    static final Kind<InetAddress> IP = new Kind<>() {
        public InetAddress parse(String key, com.fasterxml.jackson.databind.JsonNode n) throws ConfigException {
            return Kind.Values.ipLiteral(key, string().parse(key, n));
        }
        public String describe() { return "IP address"; }
    };

    public static final Setting<Backend> MEASUREMENT_BACKEND = Setting.optional("measurement-backend",
            oneOf(Backend.class), Backend.SIMULATED,
            "who measures catchment and latency: simulated (no network, no credits) or ripe-atlas (spends credits)");
    public static final Setting<List<InetAddress>> ANYCAST_ADDRESSES = Setting.optional("anycast-addresses",
            listOf(IP), List.of(), "the anycast service addresses: each round's probes ask CHAOS TXT hostname.bind "
                    + "with NSID (RFC 5001) at the first, and the answering site's identity.nsid is its catchment; "
                    + "empty = the first host of the first site's IPv4 anycast prefix");
    public static final Setting<Duration> MEASUREMENT_INTERVAL = Setting.optional("measurement-interval",
            duration(Duration.ofMinutes(1), Duration.ofDays(7)), Duration.ofMinutes(15),
            "how often catchment is measured again (RIPE Atlas: each round costs credits per probe)");

    public static final Setting<Integer> PROBES_PER_ROUND = Setting.optional("probes-per-round", integer(1, 10_000), 100,
            "vantage points per round: the catchment query and every site's ping run from the same probes (each probe "
                    + "costs credits once per measurement on RIPE Atlas)");
    public static final Setting<Duration> INGEST_INTERVAL = Setting.optional("ingest-interval",
            duration(Duration.ofSeconds(10), Duration.ofDays(1)), Duration.ofMinutes(5),
            "how often the results of recent rounds are fetched and stored (then rolled up)");
    public static final Setting<Duration> INGEST_OVERLAP = Setting.optional("ingest-overlap",
            duration(Duration.ofSeconds(1), Duration.ofDays(1)), Duration.ofMinutes(10),
            "each fetch starts this long before the newest result stored, so results uploaded late are fetched too; "
                    + "results fetched twice are stored once (measurement + probe + timestamp)");
    public static final Setting<Duration> INGEST_LOOKBACK = Setting.optional("ingest-lookback",
            duration(Duration.ofMinutes(1), Duration.ofDays(7)), Duration.ofHours(2),
            "rounds started this recently are still fetched (a probe that was offline uploads when it is back); "
                    + "longer than ingest-overlap");
    public static final Setting<Duration> RETENTION = Setting.optional("retention",
            duration(Duration.ofDays(1), Duration.ofDays(3650)), Duration.ofDays(30),
            "raw samples older than this are deleted daily; the roll-ups (share per site over time) are kept");

    // The route-change loop (te-engine engine/EngineJobs).
    public static final Setting<Boolean> AUTO_APPLY = Setting.optional("auto-apply", bool(), false,
            "apply a low-risk proposal without an operator (at most auto-apply-max-probes-moved probes moved, no region "
                    + "predicted worse); off = every proposal waits for an operator's approval");
    public static final Setting<Integer> AUTO_APPLY_MAX_PROBES_MOVED = Setting.optional("auto-apply-max-probes-moved",
            integer(0, 1_000_000), 50, "with auto-apply: a proposal moving more probes than this waits for an operator");
    public static final Setting<Duration> ROLLBACK_INFLATION = Setting.optional("rollback-inflation",
            duration(Duration.ZERO, Duration.ofSeconds(10)), Duration.ofMillis(5),
            "roll an applied proposal back when the round after it measures a p90 latency inflation (over each probe's "
                    + "best site) this much worse than its basis round");
    public static final Setting<Integer> ROLLBACK_OPTIMAL_DROP = Setting.optional("rollback-optimal-drop",
            integer(0, 100), 5, "… or when the share of probes at their optimal site fell by more than this many "
                    + "percentage points");
    public static final Setting<Duration> PROPOSAL_INTERVAL = Setting.optional("proposal-interval",
            duration(Duration.ofSeconds(1), Duration.ofDays(1)), Duration.ofMinutes(5),
            "how often the engine looks for a complete round it has not proposed from (and learns first when the model "
                    + "is missing or out of date); one proposal is open at a time");
    public static final Setting<Duration> VERIFY_INTERVAL = Setting.optional("verify-interval",
            duration(Duration.ofSeconds(1), Duration.ofHours(1)), Duration.ofMinutes(1),
            "how often approved proposals are applied and applied ones verified against the first complete round "
                    + "measured after them");
    public static final Setting<Boolean> EXPERIMENTS_ON_PRODUCTION = Setting.optional("experiments-on-production",
            bool(), false, "consent to learning experiments on the production anycast prefix: each prepends or withdraws "
                    + "a pair of sites for one catchment measurement, then restores them (2 × sites experiments); off = "
                    + "the engine never learns, so it proposes nothing (there is no separate experiment prefix)");
    public static final Setting<Integer> HELD_OUT_EXPERIMENTS = Setting.optional("held-out-experiments",
            integer(0, 100), 0, "extra experiments after learning, on changes it did not see, to measure the "
                    + "predictor's accuracy (shown with each proposal); 0 = accuracy not measured");
    public static final Setting<Integer> RELEARN_PROBE_CHANGE = Setting.optional("relearn-probe-change",
            integer(1, 100), 20, "learn again when this many percent of the latest round's probes were not in the "
                    + "set the model learned from (or the sites or their configured sessions changed)");
    public static final Setting<Duration> EXPERIMENT_SETTLE = Setting.optional("experiment-settle",
            duration(Duration.ZERO, Duration.ofHours(1)), Duration.ofMinutes(2),
            "after an experiment's configuration is confirmed, wait this long (BGP convergence) before measuring");
    public static final Setting<Duration> EXPERIMENT_WAIT = Setting.optional("experiment-wait",
            duration(Duration.ofSeconds(1), Duration.ofHours(2)), Duration.ofMinutes(10),
            "longest wait for an experiment's catchment results (it ends sooner once every probe asked has answered)");
    public static final Setting<Duration> CONFIGURE_TIMEOUT = Setting.optional("configure-timeout",
            duration(Duration.ofSeconds(2), Duration.ofHours(1)), Duration.ofMinutes(2),
            "BIRD's configure \"FILE\" timeout: a new configuration not confirmed within this is reverted by BIRD itself");
    public static final Setting<Duration> HEALTH_BOUND = Setting.optional("health-bound",
            duration(Duration.ofSeconds(1), Duration.ofHours(1)), Duration.ofMinutes(1),
            "how long a new configuration may take to come up healthy (sessions Established, exports as the knobs say) "
                    + "before it is undone; shorter than configure-timeout");

    /** Where each site's BIRD is: one {@code routers:} item per site. */
    public static final String ROUTERS = "routers";
    public static final Setting<String> ROUTER_SITE = Setting.required("site", string(),
            "the site's code (its sites/CODE.yaml); every site the engine may change needs one item");
    public static final Setting<String> ROUTER_SOCKET = Setting.optional("socket", string(), "/run/bird/bird.ctl",
            "BIRD's control socket on the site's host (bird -s), absolute");
    public static final Setting<String> ROUTER_CONFIG_FILE = Setting.optional("config-file", string(),
            "/etc/bird/bird.conf", "the file BIRD runs (bird -c) on the site's host, absolute: the rendered configuration "
                    + "is written beside it as FILE.candidate and renamed over it once BIRD confirmed it");
    public static final Setting<String> ROUTER_SSH_HOST = Setting.optional("ssh-host", string(), null,
            "the site's host name or address for SSH; unset = BIRD runs on this machine (the socket and file are local)");
    public static final Setting<Integer> ROUTER_SSH_PORT = Setting.optional("ssh-port", integer(1, 65535), 22,
            "SSH port");
    public static final Setting<String> ROUTER_SSH_USER = Setting.optional("ssh-user", string(), null,
            "SSH user (needs BIRD's socket and write access to config-file's folder); required with ssh-host");
    public static final Setting<java.nio.file.Path> ROUTER_SSH_KEY_FILE = Setting.optional("ssh-key-file", path(),
            null, "private key (OpenSSH or PEM, unencrypted) the engine logs in with; required with ssh-host");
    public static final Setting<String> ROUTER_SSH_HOST_KEY = Setting.optional("ssh-host-key", string(), null,
            "the host key pinned: SHA256:… as ssh-keygen -lf prints it, or a line of ssh-keyscan's output; any other "
                    + "key is refused before logging in; required with ssh-host");

    /** Every key of the {@code te:} section, for the reference doc. */
    public static List<Setting.Key> all() {
        String r = SECTION + "." + ROUTERS + "[]";
        return List.of(MEASUREMENT_BACKEND.at(SECTION), ANYCAST_ADDRESSES.at(SECTION), MEASUREMENT_INTERVAL.at(SECTION),
                PROBES_PER_ROUND.at(SECTION), INGEST_INTERVAL.at(SECTION), INGEST_OVERLAP.at(SECTION),
                INGEST_LOOKBACK.at(SECTION), RETENTION.at(SECTION),
                AUTO_APPLY.at(SECTION), AUTO_APPLY_MAX_PROBES_MOVED.at(SECTION), ROLLBACK_INFLATION.at(SECTION),
                ROLLBACK_OPTIMAL_DROP.at(SECTION), PROPOSAL_INTERVAL.at(SECTION), VERIFY_INTERVAL.at(SECTION),
                EXPERIMENTS_ON_PRODUCTION.at(SECTION), HELD_OUT_EXPERIMENTS.at(SECTION), RELEARN_PROBE_CHANGE.at(SECTION),
                EXPERIMENT_SETTLE.at(SECTION), EXPERIMENT_WAIT.at(SECTION), CONFIGURE_TIMEOUT.at(SECTION),
                HEALTH_BOUND.at(SECTION),
                ROUTER_SITE.at(r), ROUTER_SOCKET.at(r), ROUTER_CONFIG_FILE.at(r), ROUTER_SSH_HOST.at(r),
                ROUTER_SSH_PORT.at(r), ROUTER_SSH_USER.at(r), ROUTER_SSH_KEY_FILE.at(r), ROUTER_SSH_HOST_KEY.at(r));
    }
}
