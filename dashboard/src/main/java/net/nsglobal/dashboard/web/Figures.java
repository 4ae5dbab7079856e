package net.nsglobal.dashboard.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.nsglobal.te.analyze.ProbeRound;
import net.nsglobal.te.store.SharePoint;

/**
 * The numbers behind the charts, computed once and shown twice: drawn by {@link Charts} and printed in the table
 * beneath each chart (and so readable without the picture).
 */
public final class Figures {
    private Figures() {}

    /** The continents in the order the pages list them (ISO-like two-letter codes, as {@link ProbeRound#region}). */
    public static final List<String> REGIONS = List.of("AF", "AN", "AS", "EU", "NA", "OC", "SA");

    /** Per-site share (0…1) in each time bucket, and the samples the bucket had. */
    public record ShareRow(Instant bucket, long samples, Map<String, Double> share) {}

    public record ShareTable(List<String> sites, List<ShareRow> rows) {
        public boolean isEmpty() { return rows.isEmpty(); }
    }

    static ShareTable shares(List<SharePoint> points) {
        TreeSet<String> sites = new TreeSet<>();
        TreeMap<Instant, Map<String, Long>> buckets = new TreeMap<>();
        for (SharePoint p : points) {
            sites.add(p.site());
            buckets.computeIfAbsent(p.bucket(), b -> new TreeMap<>()).merge(p.site(), p.samples(), Long::sum);
        }
        List<ShareRow> rows = new ArrayList<>();
        for (Map.Entry<Instant, Map<String, Long>> e : buckets.entrySet()) {
            long total = e.getValue().values().stream().mapToLong(Long::longValue).sum();
            Map<String, Double> share = new LinkedHashMap<>();
            for (String s : sites) share.put(s, total == 0 ? 0.0 : e.getValue().getOrDefault(s, 0L) / (double) total);
            rows.add(new ShareRow(e.getKey(), total, share));
        }
        return new ShareTable(List.copyOf(sites), rows);
    }

    /** One region's latency distribution: anycast RTT and oracle RTT (the best unicast site) at fixed percentiles. */
    public record CdfRow(String region, int probes, double[] anycast, double[] oracle, double[] anycastSorted,
                  double[] oracleSorted) {}

    public static final int[] PERCENTILES = {10, 25, 50, 75, 90};

    /** The regions present among {@code probes} (those with an anycast RTT), in {@link #REGIONS} order. */
    static List<CdfRow> cdf(List<ProbeRound> probes) {
        Map<String, List<ProbeRound>> byRegion = new TreeMap<>();
        for (ProbeRound p : probes) {
            if (p.region() != null && !Double.isNaN(p.rttMs())) byRegion.computeIfAbsent(p.region(), r -> new ArrayList<>()).add(p);
        }
        List<CdfRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<ProbeRound>> e : byRegion.entrySet()) {
            double[] any = e.getValue().stream().mapToDouble(ProbeRound::rttMs).sorted().toArray();
            double[] orc = e.getValue().stream().mapToDouble(ProbeRound::oracleMs).filter(v -> !Double.isNaN(v))
                    .sorted().toArray();
            rows.add(new CdfRow(e.getKey(), any.length, at(any), at(orc), any, orc));
        }
        rows.sort((a, b) -> Integer.compare(order(a.region()), order(b.region())));
        return rows;
    }

    private static int order(String region) {
        int i = REGIONS.indexOf(region);
        return i < 0 ? REGIONS.size() : i;
    }

    private static double[] at(double[] sorted) {
        return Arrays.stream(PERCENTILES).mapToDouble(p -> percentile(sorted, p)).toArray();
    }

    /** Nearest-rank percentile of sorted values; NaN when there are none. */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
