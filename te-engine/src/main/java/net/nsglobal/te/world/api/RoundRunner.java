package net.nsglobal.te.world.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.te.world.World;
import net.nsglobal.te.world.api.CreateRequest.Definition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures one round of one measurement: every participating probe's result object, in the Atlas result format
 * ("Measurement Result Format", fw 5080 shapes). Where a probe's packets go: to an anycast address, the site the
 * world routes the probe's AS to (none: the probe has no route); to a site's unicast address, that site; anywhere
 * else, nowhere the simulation can reach. A DNS result is the real answer of that site's server; a ping result is
 * the world's RTT model. Noise is seeded by (measurement, probe, timestamp), so a result is reproducible.
 *
 * <p>A site whose server does not answer is not asked again in the same round: its other probes time out too,
 * which bounds the cost of a stopped node to one timeout per round.
 */
final class RoundRunner {
    private static final Logger LOG = LoggerFactory.getLogger(RoundRunner.class);
    /** The firmware version the simulated probes report; its DNS and ping shapes are the current ones. */
    static final int FW = 5080;

    private final World world;
    private final Map<String, InetSocketAddress> servers;
    private final AtlasOptions options;
    private final ExecutorService pool;

    RoundRunner(World world, Map<String, InetSocketAddress> servers, AtlasOptions options, ExecutorService pool) {
        this.world = world;
        this.servers = Map.copyOf(servers);
        this.options = options;
        this.pool = pool;
    }

    List<ObjectNode> run(long msmId, Definition d, List<Probe> probes, long timestamp) {
        Map<String, Silence> silent = new ConcurrentHashMap<>();
        List<Future<ObjectNode>> futures = new ArrayList<>();
        for (Probe p : probes) {
            futures.add(pool.submit(() -> d.isDns() ? dns(msmId, d, p, timestamp, silent)
                    : ping(msmId, d, p, timestamp)));
        }
        List<ObjectNode> out = new ArrayList<>();
        for (Future<ObjectNode> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("simulated atlas: msm " + msmId + " round interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("simulated atlas: msm " + msmId + " round failed", e.getCause());
            }
        }
        return out;
    }

    /** The site a packet from {@code p} to {@code target} reaches, if any. */
    Optional<String> siteFor(Probe p, String target) {
        if (options.anycast().contains(target)) {
            return world.siteOf(p.id());
        }
        return Optional.ofNullable(options.unicast().get(target));
    }

    /**
     * Unanswered queries in a row, one after another, after which a site counts as down for the rest of the round, so
     * a stopped server costs a round about {@code SILENT_AFTER × dnsTimeout}, not one timeout per probe. One miss is
     * not enough (a server busy starting up drops a query and then answers), and misses that overlap count once: the
     * queries in flight together during one pause of a busy server (a collector pause, a starved CPU) are one silence.
     */
    static final int SILENT_AFTER = 3;

    /** One site's silence in this round: separate misses in a row, and when the last counted one ended. */
    static final class Silence {
        private int misses;
        private long lastMissEnd = Long.MIN_VALUE;

        synchronized boolean silent() { return misses >= SILENT_AFTER; }

        /** @return true when this miss made the site silent */
        synchronized boolean missed(long started, long ended) {
            if (started < lastMissEnd) return false; // overlaps the last counted miss: the same silence
            lastMissEnd = ended;
            return ++misses == SILENT_AFTER;
        }

        synchronized void answered() {
            misses = 0;
            lastMissEnd = Long.MIN_VALUE;
        }
    }

    private ObjectNode dns(long msmId, Definition d, Probe p, long ts, Map<String, Silence> silent) {
        ObjectNode o = common(msmId, d, p, ts, "dns", "Tdig");
        o.put("dst_port", "53");
        o.put("proto", d.protocol());
        long seed = Noise.seed(msmId, p.id(), ts);
        Optional<String> site = siteFor(p, d.target());
        InetSocketAddress server = site.map(servers::get).orElse(null);
        Silence silence = server == null ? null : silent.computeIfAbsent(site.get(), k -> new Silence());
        if (server == null || silence.silent()) {
            return timeout(o);
        }
        long started = System.nanoTime();
        Optional<DnsExchange.Answer> answer;
        try {
            answer = DnsExchange.ask(server, d, (int) (seed & 0xffff), options.dnsTimeout());
        } catch (IOException e) {
            // The probe cannot tell a refused send from silence: both are a timeout in its result.
            LOG.warn("simulated atlas: msm {} site {} ({}): {}", msmId, site.get(), server, e.toString());
            answer = Optional.empty();
        }
        double measured = (System.nanoTime() - started) / 1e6;
        if (answer.isEmpty()) {
            if (silence.missed(started, System.nanoTime())) {
                LOG.info("simulated atlas: msm {} site {} ({}) did not answer; its probes time out this round",
                        msmId, site.get(), server);
            }
            return timeout(o);
        }
        silence.answered();
        DnsExchange.Answer a = answer.get();
        OptionalDouble modelled = world.rttMs(p.id(), site.get(), seed);
        ObjectNode r = o.putObject("result");
        r.put("rt", Noise.ms(modelled.orElse(measured)));
        r.put("size", a.wire().length);
        r.put("abuf", Base64.getEncoder().encodeToString(a.wire()));
        r.put("ID", a.id());
        r.put("ANCOUNT", a.ancount());
        r.put("QDCOUNT", a.qdcount());
        r.put("NSCOUNT", a.nscount());
        r.put("ARCOUNT", a.arcount());
        return o;
    }

    private static ObjectNode timeout(ObjectNode o) {
        o.putObject("error").put("timeout", AtlasOptions.PROBE_TIMEOUT_MS);
        return o;
    }

    private ObjectNode ping(long msmId, Definition d, Probe p, long ts) {
        ObjectNode o = common(msmId, d, p, ts, "ping", "Ping");
        o.put("dst_name", d.target());
        o.put("proto", "ICMP");
        o.put("size", d.size());
        o.put("dup", 0);
        o.put("ttl", 64 - 8);
        long seed = Noise.seed(msmId, p.id(), ts);
        Optional<String> site = siteFor(p, d.target());
        var packets = o.putArray("result");
        int rcvd = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        double sum = 0;
        for (int i = 0; i < d.packets(); i++) {
            OptionalDouble rtt = site.isEmpty() ? OptionalDouble.empty()
                    : world.rttMs(p.id(), site.get(), Noise.mix(seed, i));
            if (rtt.isEmpty()) {
                packets.addObject().put("x", "*");
                continue;
            }
            double v = Noise.ms(rtt.getAsDouble());
            packets.addObject().put("rtt", v);
            rcvd++;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        o.put("sent", d.packets());
        o.put("rcvd", rcvd);
        // Atlas writes -1 for min/avg/max when nothing came back.
        o.put("min", rcvd == 0 ? -1 : min);
        o.put("avg", rcvd == 0 ? -1 : Noise.ms(sum / rcvd));
        o.put("max", rcvd == 0 ? -1 : max);
        return o;
    }

    private static ObjectNode common(long msmId, Definition d, Probe p, long ts, String type, String name) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("fw", FW);
        o.put("lts", (int) Math.floorMod(Noise.seed(msmId, p.id(), ts), 120L));
        o.put("dst_addr", d.target());
        o.put("af", d.af());
        if (p.addressV4() != null) {
            o.put("from", p.addressV4());
            o.put("src_addr", p.addressV4());
        }
        o.put("msm_id", msmId);
        o.put("group_id", msmId);
        o.put("prb_id", p.id());
        o.put("timestamp", ts);
        o.put("stored_timestamp", ts);
        o.put("msm_name", name);
        o.put("type", type);
        return o;
    }
}
