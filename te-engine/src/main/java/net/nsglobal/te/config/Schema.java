package net.nsglobal.te.config;

import static net.nsglobal.config.Kind.*;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.Kind;
import net.nsglobal.config.Setting;

/**
 * THE TE engine's configuration schema (the {@code te:} section of its process file): only what measuring catchment
 * needs first — which backend measures, what it measures, and how often. Where the sites are is the {@code sites:}
 * section; how to reach RIPE Atlas is the {@code atlas:} section.
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

    /** Every key of the {@code te:} section, for the reference doc. */
    public static List<Setting.Key> all() {
        return List.of(MEASUREMENT_BACKEND.at(SECTION), ANYCAST_ADDRESSES.at(SECTION), MEASUREMENT_INTERVAL.at(SECTION),
                PROBES_PER_ROUND.at(SECTION), INGEST_INTERVAL.at(SECTION), INGEST_OVERLAP.at(SECTION),
                INGEST_LOOKBACK.at(SECTION), RETENTION.at(SECTION));
    }
}
