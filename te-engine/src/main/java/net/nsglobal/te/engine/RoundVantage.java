package net.nsglobal.te.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.te.propose.UnicastRtt;
import net.nsglobal.te.store.CatchmentSample;
import net.nsglobal.te.store.MeasurementStore;
import net.nsglobal.te.store.PingSample;
import net.nsglobal.te.store.ProbeInfo;
import net.nsglobal.te.store.Round;

/**
 * The production {@link Vantage}: the probes that answered the newest round's catchment query (newest of the last
 * {@code lookback} with answers), and each one's least ping RTT to every site's unicast address in that round — the
 * same probes at the same time, as {@code RoundJob} measures them. A probe with no ping to a site has NaN there.
 */
public final class RoundVantage implements Vantage {
    private final MeasurementStore store;
    private final Duration lookback;
    private final Clock clock;

    public RoundVantage(MeasurementStore store, Duration lookback, Clock clock) {
        this.store = store;
        this.lookback = lookback;
        this.clock = clock;
    }

    @Override
    public Optional<Points> points(List<String> sites) {
        Instant now = clock.instant();
        List<Round> rounds = new ArrayList<>(store.rounds(now.minus(lookback), now.plusSeconds(1)));
        java.util.Collections.reverse(rounds);
        for (Round r : rounds) {
            TreeSet<Integer> answered = new TreeSet<>();
            for (CatchmentSample c : store.catchment(r.catchmentMsm())) if (c.site() != null) answered.add(c.probeId());
            if (answered.isEmpty()) continue;
            Map<Integer, ProbeInfo> info = new HashMap<>();
            store.probes().forEach(p -> info.put(p.id(), p));
            List<Probe> probes = new ArrayList<>();
            Map<Integer, Integer> row = new HashMap<>();
            for (int id : answered) {
                ProbeInfo p = info.get(id);
                row.put(id, probes.size());
                probes.add(p == null ? new Probe(id, null, null, null, null, null, "Connected", false, null)
                        : new Probe(id, p.asn() == null ? null : p.asn().intValue(), null, p.country(),
                        Double.isNaN(p.lon()) ? null : p.lon(), Double.isNaN(p.lat()) ? null : p.lat(), "Connected", false, null));
            }
            double[][] ms = new double[probes.size()][sites.size()];
            for (double[] m : ms) Arrays.fill(m, Double.NaN);
            for (int s = 0; s < sites.size(); s++) {
                Long msm = r.pingMsms().get(sites.get(s));
                if (msm == null) continue;
                for (PingSample p : store.pings(msm)) {
                    Integer at = row.get(p.probeId());
                    if (at == null || Double.isNaN(p.minRttMs())) continue;
                    if (Double.isNaN(ms[at][s]) || p.minRttMs() < ms[at][s]) ms[at][s] = p.minRttMs();
                }
            }
            return Optional.of(new Points(probes, new UnicastRtt(sites, ms)));
        }
        return Optional.empty();
    }
}
