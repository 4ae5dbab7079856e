package net.nsglobal.te.measure;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.nsglobal.atlas.backend.MeasurementBackend;
import net.nsglobal.atlas.model.DnsDefinition;
import net.nsglobal.atlas.model.MeasurementDefinition;
import net.nsglobal.atlas.model.MeasurementRequest;
import net.nsglobal.atlas.model.PingDefinition;
import net.nsglobal.atlas.model.ProbeSelection;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.store.MeasurementStore;
import net.nsglobal.te.store.Round;
import net.nsglobal.te.store.Spend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one measurement round: a catchment measurement (CHAOS TXT {@code hostname.bind} with the NSID bit, RFC 5001
 * §2.1, straight to the anycast address) and one ping per site's unicast address (the latency oracle), all in one
 * request so the backend runs them from the same probes at the same time. Records the round and what each measurement
 * is expected to cost.
 *
 * <p>Probes: the first round asks for {@code probesPerRound} probes world-wide; later rounds ask for the probes the
 * previous round's catchment measurement heard from, by id (selection type {@code probes}: unlike {@code msm} it
 * does not depend on the backend still knowing that measurement), so round after round compares the same vantage points
 * (a probe changing site is a flip, not a different probe). When fewer than half of them answered last time, the
 * set is drawn world-wide again rather than shrinking round after round.
 */
public final class RoundJob {
    private static final Logger log = LoggerFactory.getLogger(RoundJob.class);
    public static final String NAME = "observatory-round";

    private final MeasurementBackend backend;
    private final MeasurementStore store;
    private final List<Site> sites;
    private final InetAddress anycast;
    private final int probesPerRound;

    public RoundJob(MeasurementBackend backend, MeasurementStore store, List<Site> sites, InetAddress anycast,
                    int probesPerRound) {
        if (sites.isEmpty()) throw new IllegalArgumentException("te measure: a round needs at least one site to ping");
        this.backend = backend;
        this.store = store;
        this.sites = List.copyOf(sites);
        this.anycast = anycast;
        this.probesPerRound = probesPerRound;
    }

    /** Creates the round's measurements and stores the round, started at {@code due} (its scheduled time). */
    public Round run(Instant due) {
        int af = anycast instanceof Inet6Address ? 6 : 4;
        List<MeasurementDefinition> defs = new ArrayList<>();
        defs.add(DnsDefinition.catchment(anycast.getHostAddress(), af));
        List<String> pinged = new ArrayList<>();
        for (Site s : sites) {
            Optional<? extends InetAddress> unicast = af == 6 ? s.unicastV6() : Optional.of(s.unicastV4());
            if (unicast.isEmpty()) {
                log.warn("te measure: site {} has no IPv6 unicast address; its latency is not measured", s.id());
                continue;
            }
            defs.add(new PingDefinition(af, unicast.get().getHostAddress(), "NS-Global ping " + s.id(), 3, 48));
            pinged.add(s.id());
        }
        ProbeSelection probes = probes();
        List<Long> ids = backend.create(MeasurementRequest.oneOff(defs, probes));
        if (ids.size() != defs.size()) {
            throw new IllegalStateException("te measure: " + backend.name() + " created " + ids.size()
                    + " measurements for " + defs.size() + " definitions");
        }
        Map<String, Long> pingMsms = new LinkedHashMap<>();
        for (int i = 0; i < pinged.size(); i++) pingMsms.put(pinged.get(i), ids.get(i + 1));
        Round round = store.openRound(due, backend.name(), ids.get(0), pingMsms);
        double total = 0;
        for (long id : ids) {
            double credits = backend.expectedCredits(id);
            if (credits < 0) {
                log.warn("te measure: round {}: {} does not say what measurement {} costs", round.id(), backend.name(), id);
                continue;
            }
            store.recordSpend(new Spend(NAME, id, due, credits));
            total += credits;
        }
        log.info("te measure: round {} on {}: catchment msm {}, {} pings, probes {}:{}, {} credits expected",
                round.id(), backend.name(), ids.get(0), pingMsms.size(), probes.type().apiName(),
                probes.value().length() <= 40 ? probes.value() : probes.requested() + " ids", total);
        return round;
    }

    private ProbeSelection probes() {
        Optional<Round> previous = store.latestRound();
        if (previous.isPresent()) {
            java.util.List<Integer> seen = store.catchment(previous.get().catchmentMsm()).stream().map(c -> c.probeId())
                    .distinct().sorted().toList();
            if (seen.size() * 2 >= probesPerRound) {
                String ids = seen.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
                return ProbeSelection.of(ProbeSelection.Type.PROBES, ids, seen.size());
            }
        }
        return ProbeSelection.of(ProbeSelection.Type.AREA, "WW", probesPerRound);
    }
}
