package net.nsglobal.te.measure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import net.nsglobal.platform.jobs.JobInfo;
import net.nsglobal.platform.jobs.Jobs;
import net.nsglobal.platform.jobs.JobsException;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.analyze.Analysis;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.analyze.CreditsView;
import net.nsglobal.te.analyze.JobState;
import net.nsglobal.te.analyze.Observatory;
import net.nsglobal.te.analyze.ProbeHealth;
import net.nsglobal.te.store.CatchmentSample;
import net.nsglobal.te.store.ConfigChange;
import net.nsglobal.te.store.MeasurementStore;
import net.nsglobal.te.store.PingSample;
import net.nsglobal.te.store.Round;
import net.nsglobal.te.store.SharePoint;
import net.nsglobal.te.store.Spend;

/**
 * The observatory as the operator pages see it: the store's rounds analysed ({@link Analysis}), the roll-ups, the
 * credits spent, and the observatory's jobs (only those of {@link ObservatoryJobs}) to list, pause, resume and run.
 *
 * <p>The snapshot of a round is computed once per round and what the store holds of it: late results change a round
 * after its first analysis, so a cached snapshot is kept while the round's sample counts stay the same.
 */
public final class ObservatoryService implements Observatory {
    /** Probe health looks at this many recent rounds. */
    static final int HEALTH_ROUNDS = 10;
    /** Rounds are looked for this far back for the latest one with results. */
    static final Duration LATEST_WINDOW = Duration.ofDays(2);

    private final MeasurementStore store;
    private final Jobs jobs;
    private final List<String> jobNames;
    private final String backend;
    private final List<Site> sites;
    private final Clock clock;
    private final DoubleSupplier balance;
    private final double maxDailyCredits;
    private final Map<Long, Cached> snapshots = new LinkedHashMap<>();

    private record Cached(int catchment, int pings, CatchmentSnapshot snapshot) {}

    /**
     * @param balance         the backend account's credit balance now (NaN if unknown; the simulation has none)
     * @param maxDailyCredits the key's daily limit (NaN if none)
     */
    public ObservatoryService(MeasurementStore store, Jobs jobs, ObservatoryJobs observatoryJobs, String backend,
                              List<Site> sites, Clock clock, DoubleSupplier balance, double maxDailyCredits) {
        this.store = store;
        this.jobs = jobs;
        this.jobNames = observatoryJobs.names();
        this.backend = backend;
        this.sites = List.copyOf(sites);
        this.clock = clock;
        this.balance = balance;
        this.maxDailyCredits = maxDailyCredits;
    }

    @Override
    public List<Site> sites() { return sites; }

    @Override
    public synchronized Optional<CatchmentSnapshot> latest() {
        Instant now = clock.instant();
        List<Round> rounds = store.rounds(now.minus(LATEST_WINDOW), now.plusSeconds(1));
        for (int i = rounds.size() - 1; i >= 0; i--) {
            Optional<CatchmentSnapshot> s = snapshot(rounds, i, true);
            if (s.isPresent()) return s;
        }
        return Optional.empty();
    }

    /** The snapshot of {@code rounds[i]}, if it has catchment results; with the round before it for flips. */
    private Optional<CatchmentSnapshot> snapshot(List<Round> rounds, int i, boolean withPrevious) {
        Round round = rounds.get(i);
        List<CatchmentSample> catchment = store.catchment(round.catchmentMsm());
        if (catchment.isEmpty()) return Optional.empty();
        Map<String, List<PingSample>> pings = new TreeMap<>();
        int pingCount = 0;
        for (Map.Entry<String, Long> e : round.pingMsms().entrySet()) {
            List<PingSample> p = store.pings(e.getValue());
            pings.put(e.getKey(), p);
            pingCount += p.size();
        }
        Cached c = snapshots.get(round.id());
        if (c != null && c.catchment() == catchment.size() && c.pings() == pingCount) return Optional.of(c.snapshot());
        Optional<CatchmentSnapshot> previous = Optional.empty();
        if (withPrevious) {
            for (int j = i - 1; j >= 0 && previous.isEmpty(); j--) previous = snapshot(rounds, j, false);
        }
        CatchmentSnapshot s = Analysis.of(round, store.probes(), catchment, pings, sites, previous);
        if (withPrevious) { // a snapshot made without its previous round has no flips: not the one to keep
            snapshots.put(round.id(), new Cached(catchment.size(), pingCount, s));
            while (snapshots.size() > 4) snapshots.remove(snapshots.keySet().iterator().next());
        }
        return Optional.of(s);
    }

    @Override
    public List<SharePoint> shareOverTime(Instant from, Instant to, Duration bucket) {
        return store.shareOverTime(from, to, bucket);
    }

    @Override
    public List<ConfigChange> configChanges(Instant from, Instant to) {
        return store.configChanges(from, to);
    }

    @Override
    public List<ProbeHealth> probeHealth() {
        Instant now = clock.instant();
        List<Round> rounds = store.rounds(now.minus(LATEST_WINDOW), now.plusSeconds(1));
        List<List<CatchmentSample>> recent = new ArrayList<>();
        for (Round r : rounds.subList(Math.max(0, rounds.size() - HEALTH_ROUNDS), rounds.size())) {
            recent.add(store.catchment(r.catchmentMsm()));
        }
        return Analysis.health(store.probes(), recent);
    }

    @Override
    public CreditsView credits() {
        Instant now = clock.instant();
        Map<String, Double> perJob = new TreeMap<>();
        for (Spend s : store.spend(now.minus(Duration.ofHours(24)), now.plusSeconds(1))) {
            perJob.merge(s.job(), s.credits(), Double::sum);
        }
        return new CreditsView(backend, balance.getAsDouble(), maxDailyCredits, perJob);
    }

    @Override
    public List<JobState> jobs() {
        try {
            Map<String, JobInfo> byName = new TreeMap<>();
            for (JobInfo j : jobs.list()) byName.put(j.name(), j);
            List<JobState> out = new ArrayList<>();
            for (String name : jobNames) { // in the order of ObservatoryJobs: the order data flows
                JobInfo j = byName.get(name);
                if (j != null) out.add(new JobState(j.name(), j.schedule(), j.paused(), j.nextRun(), j.lastRun(), j.lastOutcome()));
            }
            return out;
        } catch (JobsException e) {
            throw new IllegalStateException("te observatory: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean pause(String job) {
        return control(job, () -> jobs.pause(job));
    }

    @Override
    public boolean resume(String job) {
        return control(job, () -> jobs.resume(job));
    }

    @Override
    public boolean trigger(String job) {
        return control(job, () -> jobs.runNow(job));
    }

    private interface Control {
        void apply() throws JobsException;
    }

    private boolean control(String job, Control c) {
        if (!jobNames.contains(job)) return false;
        try {
            c.apply();
            return true;
        } catch (JobsException e) {
            throw new IllegalStateException("te observatory: " + job + ": " + e.getMessage(), e);
        }
    }
}
