package net.nsglobal.dashboard.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.analyze.CreditsView;
import net.nsglobal.te.analyze.JobState;
import net.nsglobal.te.analyze.Observatory;
import net.nsglobal.te.analyze.PolarizedNetwork;
import net.nsglobal.te.analyze.ProbeHealth;
import net.nsglobal.te.analyze.ProbeRound;
import net.nsglobal.te.analyze.RegionSummary;
import net.nsglobal.te.store.ConfigChange;
import net.nsglobal.te.store.SharePoint;
import net.nsglobal.testkit.SharedData;

/**
 * An observatory with realistic values for the pages' tests: the 12 sites of {@code sites/*.yaml}, every 30th
 * connected RIPE Atlas probe of April 2023 (about 360, where they really are), each answered by its nearest site but
 * one in eight by a site on another continent, RTTs from great-circle distance, a few probes without an answer and a
 * few that flipped. Jobs can be paused, resumed and triggered; the calls are counted.
 */
final class FakeObservatory implements Observatory {
    static final Instant ROUND_TIME = Instant.parse("2026-12-07T03:00:00Z");

    final List<Site> sites;
    private final Optional<CatchmentSnapshot> latest;
    private final Instant created = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private final Map<String, JobState> jobs = new LinkedHashMap<>();
    final Map<String, Integer> triggered = new HashMap<>();

    /** @param withRound false: no round has completed yet (the empty state) */
    FakeObservatory(boolean withRound) throws Exception {
        this(withRound, List.of());
    }

    /** @param extra probes added to the round as they are (e.g. with hostile text) */
    FakeObservatory(boolean withRound, List<ProbeRound> extra) throws Exception {
        this.sites = Sites.load(Path.of("../sites")).all();
        List<ProbeRound> probes = new ArrayList<>(withRound ? probes(sites) : List.of());
        probes.addAll(extra);
        this.latest = withRound ? Optional.of(snapshot(probes)) : Optional.empty();
        Instant next = created.plus(Duration.ofMinutes(15));
        for (String name : List.of("catchment-round", "oracle-ping", "probe-refresh")) {
            jobs.put(name, new JobState(name, "every 15 minutes", false, next, created.minus(Duration.ofMinutes(15)),
                    "ok: 361 results"));
        }
    }

    private static List<ProbeRound> probes(List<Site> sites) throws Exception {
        Path file = SharedData.file("probes/ripe_atlas_probes_2023-04_connected.jsonl.gz");
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(20230401);
        List<ProbeRound> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                if (n++ % 30 != 0) continue;
                JsonNode p = json.readTree(line);
                JsonNode c = p.path("geometry").path("coordinates");
                if (!c.isArray()) continue;
                double lon = c.path(0).asDouble(), lat = c.path(1).asDouble();
                String region = continent(lat, lon);
                Long asn = p.path("asn_v4_derived").isIntegralNumber() ? p.path("asn_v4_derived").asLong() : null;
                String country = p.path("country_code").asText(null);
                List<Site> byDistance = new ArrayList<>(sites);
                byDistance.sort(Comparator.comparingDouble(s -> km(lat, lon, s.latitude(), s.longitude())));
                Site best = byDistance.get(0);
                double oracle = rtt(km(lat, lon, best.latitude(), best.longitude()), random);
                int pick = random.nextInt(40);
                if (pick == 0) { // no answer this round
                    out.add(new ProbeRound(p.path("id").asInt(), asn, country, region, lat, lon, null, Double.NaN,
                            best.id(), oracle, Double.NaN, false, false, false));
                    continue;
                }
                Site at = pick < 6 ? byDistance.get(byDistance.size() - 1 - random.nextInt(4))
                        : pick < 10 ? byDistance.get(1) : best;
                double rtt = at == best ? oracle + random.nextDouble() * 2
                        : rtt(km(lat, lon, at.latitude(), at.longitude()), random);
                double inflation = rtt - oracle;
                boolean atOptimal = inflation <= Math.max(5, 0.1 * oracle);
                boolean polarized = !continent(at.latitude(), at.longitude()).equals(region);
                out.add(new ProbeRound(p.path("id").asInt(), asn, country, region, lat, lon, at.id(), rtt, best.id(),
                        oracle, inflation, atOptimal, polarized, pick == 7 || pick == 8));
            }
        }
        return out;
    }

    /** Fibre RTT: 2 × distance at 2/3 c (1 ms per 100 km), plus the access network's few ms. */
    private static double rtt(double km, Random random) {
        return Math.round((km / 100 + 3 + random.nextDouble() * 8) * 10) / 10.0;
    }

    static double km(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 6371 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    /** A continent from coordinates, by rough boxes (good enough for test data). */
    static String continent(double lat, double lon) {
        if (lat < -60) return "AN";
        if ((lon > 110 && lat < -10) || lon > 160 || (lon < -150 && lat < 30)) return "OC";
        if (lon < -30) return lat > 12 ? "NA" : "SA";
        if (lon <= 60) {
            if (lat >= 36 && lon <= 45) return "EU";
            if (lon >= 35 && lat >= 12) return "AS";
            return lat >= 36 ? "AS" : "AF";
        }
        return "AS";
    }

    private static CatchmentSnapshot snapshot(List<ProbeRound> probes) {
        Map<String, List<ProbeRound>> byRegion = new TreeMap<>();
        for (ProbeRound p : probes) byRegion.computeIfAbsent(p.region(), r -> new ArrayList<>()).add(p);
        List<RegionSummary> regions = new ArrayList<>();
        regions.add(summary("ALL", probes));
        byRegion.forEach((r, ps) -> regions.add(summary(r, ps)));
        Map<Long, List<ProbeRound>> byAsn = new TreeMap<>();
        for (ProbeRound p : probes) if (p.polarized() && p.asn() != null) byAsn.computeIfAbsent(p.asn(), a -> new ArrayList<>()).add(p);
        List<PolarizedNetwork> polarized = new ArrayList<>();
        byAsn.forEach((asn, ps) -> polarized.add(new PolarizedNetwork(asn, ps.get(0).country(), ps.get(0).region(),
                ps.size(), ps.get(0).site(), "EU", median(ps, ProbeRound::rttMs), median(ps, ProbeRound::inflationMs))));
        polarized.sort(Comparator.comparingInt(PolarizedNetwork::probes).reversed()
                .thenComparing(Comparator.comparingDouble(PolarizedNetwork::medianInflationMs).reversed()));
        int flips = (int) probes.stream().filter(ProbeRound::flipped).count();
        return new CatchmentSnapshot(4711, ROUND_TIME, probes, regions, List.of(), List.of(), polarized, flips);
    }

    private static RegionSummary summary(String key, List<ProbeRound> ps) {
        List<ProbeRound> answered = ps.stream().filter(p -> p.site() != null).toList();
        Map<String, Double> share = new HashMap<>();
        for (ProbeRound p : answered) share.merge(p.site(), 1.0 / answered.size(), Double::sum);
        return new RegionSummary(key, answered.size(), share, pct(answered, ProbeRound::rttMs, 50),
                pct(answered, ProbeRound::rttMs, 90), pct(answered, ProbeRound::inflationMs, 50),
                pct(answered, ProbeRound::inflationMs, 90),
                answered.isEmpty() ? Double.NaN : answered.stream().filter(ProbeRound::atOptimal).count() / (double) answered.size());
    }

    private static double median(List<ProbeRound> ps, java.util.function.ToDoubleFunction<ProbeRound> f) {
        return pct(ps, f, 50);
    }

    private static double pct(List<ProbeRound> ps, java.util.function.ToDoubleFunction<ProbeRound> f, int p) {
        double[] v = ps.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[Math.max(0, (int) Math.ceil(p / 100.0 * v.length) - 1)];
    }

    // ---- Observatory ----

    @Override public List<Site> sites() { return sites; }

    @Override public Optional<CatchmentSnapshot> latest() { return latest; }

    /** Hourly buckets: each site's probes of the round, ams1 and fra1 trading a tenth of theirs back and forth. */
    @Override
    public List<SharePoint> shareOverTime(Instant from, Instant to, Duration bucket) {
        if (latest.isEmpty()) return List.of();
        Map<String, Long> base = new TreeMap<>();
        for (ProbeRound p : latest.get().probes()) if (p.site() != null) base.merge(p.site(), 4L, Long::sum);
        List<SharePoint> out = new ArrayList<>();
        Instant start = Instant.ofEpochSecond(from.getEpochSecond() / bucket.toSeconds() * bucket.toSeconds());
        int i = 0;
        for (Instant b = start; b.isBefore(to); b = b.plus(bucket), i++) {
            long swing = (long) (base.getOrDefault("ams1", 0L) / 10 * Math.sin(i / 4.0));
            for (Map.Entry<String, Long> e : base.entrySet()) {
                long v = e.getValue() + (e.getKey().equals("ams1") ? swing : e.getKey().equals("fra1") ? -swing : 0);
                out.add(new SharePoint(b, e.getKey(), Math.max(0, v)));
            }
        }
        return out;
    }

    /** Two changes in the last day, the second with text that must be escaped. */
    @Override
    public List<ConfigChange> configChanges(Instant from, Instant to) {
        return List.of(new ConfigChange(created.minus(Duration.ofHours(20)), "lhr1", "prepend x2 towards ntt"),
                        new ConfigChange(created.minus(Duration.ofHours(6)), "fra1", "withdraw <from> \"cogent\" & co"))
                .stream().filter(c -> !c.time().isBefore(from) && !c.time().isAfter(to)).toList();
    }

    @Override
    public List<ProbeHealth> probeHealth() {
        List<ProbeHealth> out = new ArrayList<>();
        for (ProbeRound p : latest.map(CatchmentSnapshot::probes).orElse(List.of())) {
            int answered = p.site() == null ? 7 : 10;
            out.add(new ProbeHealth(p.probeId(), p.asn(), p.country(), 10, answered, 10 - answered, 0,
                    ROUND_TIME.minus(Duration.ofMinutes(p.site() == null ? 45 : 0))));
        }
        return out;
    }

    @Override
    public CreditsView credits() {
        return new CreditsView("ripe-atlas", 1_234_567, 50_000, Map.of("catchment-round", 17_328.0, "oracle-ping", 8_640.5));
    }

    @Override public synchronized List<JobState> jobs() { return List.copyOf(jobs.values()); }

    @Override
    public synchronized boolean pause(String job) { return setPaused(job, true); }

    @Override
    public synchronized boolean resume(String job) { return setPaused(job, false); }

    @Override
    public synchronized boolean trigger(String job) {
        if (!jobs.containsKey(job)) return false;
        triggered.merge(job, 1, Integer::sum);
        return true;
    }

    private boolean setPaused(String job, boolean paused) {
        JobState j = jobs.get(job);
        if (j == null) return false;
        jobs.put(job, new JobState(j.name(), j.schedule(), paused, j.nextRun(), j.lastRun(), j.lastOutcome()));
        return true;
    }

    synchronized JobState job(String name) { return jobs.get(name); }
}
