package net.nsglobal.te.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.nsglobal.te.store.CatchmentSample;
import net.nsglobal.te.store.ConfigChange;
import net.nsglobal.te.store.MeasurementStore;
import net.nsglobal.te.store.PingSample;
import net.nsglobal.te.store.ProbeInfo;
import net.nsglobal.te.store.Round;
import net.nsglobal.te.store.SharePoint;
import net.nsglobal.te.store.Spend;

/**
 * The store's contract in memory, for the measure tests (the PostgreSQL store is tested against the same contract by
 * its own tests): samples keyed by measurement, probe and timestamp, so a sample ingested twice is stored once.
 */
final class MemoryStore implements MeasurementStore {
    private record Key(long msm, int probe, Instant time) {}

    private final Map<Integer, ProbeInfo> probes = new TreeMap<>();
    private final List<Round> rounds = new ArrayList<>();
    private final Map<Key, CatchmentSample> catchment = new LinkedHashMap<>();
    private final Map<Key, PingSample> pings = new LinkedHashMap<>();
    private final List<ConfigChange> changes = new ArrayList<>();
    private final List<Spend> spend = new ArrayList<>();
    final List<Instant[]> rollupRefreshes = new ArrayList<>();

    @Override public String path() { return "memory"; }

    @Override public synchronized void upsertProbes(Collection<ProbeInfo> ps) { ps.forEach(p -> probes.put(p.id(), p)); }

    @Override public synchronized List<ProbeInfo> probes() { return List.copyOf(probes.values()); }

    @Override
    public synchronized Round openRound(Instant started, String backend, long catchmentMsm, Map<String, Long> pingMsms) {
        Round r = new Round(rounds.size() + 1, started, backend, catchmentMsm, pingMsms);
        rounds.add(r);
        return r;
    }

    @Override
    public synchronized List<Round> rounds(Instant from, Instant to) {
        return rounds.stream().filter(r -> !r.started().isBefore(from) && r.started().isBefore(to))
                .sorted(Comparator.comparing(Round::started)).toList();
    }

    @Override
    public synchronized Optional<Round> latestRound() {
        return rounds.stream().max(Comparator.comparing(Round::started));
    }

    @Override
    public synchronized int ingestCatchment(Collection<CatchmentSample> samples) {
        int n = 0;
        for (CatchmentSample s : samples) if (catchment.putIfAbsent(new Key(s.msmId(), s.probeId(), s.time()), s) == null) n++;
        return n;
    }

    @Override
    public synchronized int ingestPings(Collection<PingSample> samples) {
        int n = 0;
        for (PingSample s : samples) if (pings.putIfAbsent(new Key(s.msmId(), s.probeId(), s.time()), s) == null) n++;
        return n;
    }

    @Override
    public synchronized List<CatchmentSample> catchment(long msmId) {
        return catchment.values().stream().filter(s -> s.msmId() == msmId).toList();
    }

    @Override
    public synchronized List<PingSample> pings(long msmId) {
        return pings.values().stream().filter(s -> s.msmId() == msmId).toList();
    }

    @Override
    public synchronized Optional<Instant> newestSample(long msmId) {
        Optional<Instant> c = catchment.keySet().stream().filter(k -> k.msm() == msmId).map(Key::time).max(Comparator.naturalOrder());
        Optional<Instant> p = pings.keySet().stream().filter(k -> k.msm() == msmId).map(Key::time).max(Comparator.naturalOrder());
        return c.isPresent() ? c : p;
    }

    @Override
    public synchronized void refreshRollups(Instant from, Instant to) { rollupRefreshes.add(new Instant[] {from, to}); }

    @Override
    public synchronized List<SharePoint> shareOverTime(Instant from, Instant to, Duration bucket) {
        Map<String, SharePoint> out = new TreeMap<>();
        for (CatchmentSample s : catchment.values()) {
            if (s.site() == null || s.time().isBefore(from) || !s.time().isBefore(to)) continue;
            Instant b = from.plus(bucket.multipliedBy(Duration.between(from, s.time()).toMillis() / bucket.toMillis()));
            out.merge(b + " " + s.site(), new SharePoint(b, s.site(), 1), (x, y) -> new SharePoint(b, s.site(), x.samples() + 1));
        }
        return List.copyOf(out.values());
    }

    @Override
    public synchronized long deleteRawBefore(Instant before) {
        int n = catchment.size() + pings.size();
        catchment.keySet().removeIf(k -> k.time().isBefore(before));
        pings.keySet().removeIf(k -> k.time().isBefore(before));
        return n - catchment.size() - pings.size();
    }

    @Override public synchronized void recordConfigChange(ConfigChange c) { changes.add(c); }

    @Override
    public synchronized List<ConfigChange> configChanges(Instant from, Instant to) {
        return changes.stream().filter(c -> !c.time().isBefore(from) && c.time().isBefore(to)).toList();
    }

    @Override public synchronized void recordSpend(Spend s) { spend.add(s); }

    @Override
    public synchronized List<Spend> spend(Instant from, Instant to) {
        return spend.stream().filter(s -> !s.time().isBefore(from) && s.time().isBefore(to)).toList();
    }
}
