package net.nsglobal.te.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.world.rtt.GreatCircle;

/**
 * Compares a simulated world's catchment with the sites real probes reached: per probe, the site it reached most
 * often (ties: the site id first in order) against the world's prediction and against the geographically nearest
 * site of the world.
 */
final class AnycastAgreement {
    /** What one probe really did: its results per site (site ids lower-cased, as the world's files write them). */
    record Observed(Probe probe, Map<String, Integer> sites, Map<String, List<Double>> rttMs) {
        String mostOften() {
            return sites.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
        }

        int results() { return sites.values().stream().mapToInt(Integer::intValue).sum(); }
    }

    /** The figures: probes compared, and how many the model and the nearest-site baseline got right. */
    record Result(int probes, int model, int nearest, double modelShareOfResults, double nearestShareOfResults,
                  Map<String, int[]> bySite) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "%d probes: model %d (%.1f%%), nearest site %d (%.1f%%); share of results at the predicted site: model %.1f%%, nearest %.1f%%%n"
                            + "  site: probes that reached it most often / of them predicted by the model / by nearest%n",
                    probes, model, 100.0 * model / probes, nearest, 100.0 * nearest / probes,
                    100 * modelShareOfResults, 100 * nearestShareOfResults));
            bySite.forEach((s, v) -> b.append(String.format(Locale.ROOT, "  %s: %d / %d / %d%n", s, v[0], v[1], v[2])));
            return b.toString();
        }
    }

    private AnycastAgreement() {}

    static Result compare(SimulatedWorld world, List<Observed> observed) {
        int model = 0, nearest = 0;
        double modelShare = 0, nearestShare = 0;
        Map<String, int[]> bySite = new TreeMap<>();
        for (Observed o : observed) {
            String real = o.mostOften();
            String predicted = world.siteOf(o.probe().id()).orElse("(no route)");
            String near = nearest(world, o.probe());
            int[] row = bySite.computeIfAbsent(real, k -> new int[3]);
            row[0]++;
            if (predicted.equals(real)) { model++; row[1]++; }
            if (near.equals(real)) { nearest++; row[2]++; }
            modelShare += (double) o.sites().getOrDefault(predicted, 0) / o.results();
            nearestShare += (double) o.sites().getOrDefault(near, 0) / o.results();
        }
        int n = observed.size();
        return new Result(n, model, nearest, modelShare / n, nearestShare / n, bySite);
    }

    /**
     * The RTT model against the measured round trips: per probe, the median measured RTT to the site it reached most
     * often against the model's mean RTT to that site; returns {median absolute error ms, median relative error,
     * median signed error ms (model − measured)} over the probes with measurements.
     */
    static double[] rttError(SimulatedWorld world, List<Observed> observed, net.nsglobal.te.world.rtt.RttModel model) {
        List<Double> abs = new ArrayList<>(), rel = new ArrayList<>(), signed = new ArrayList<>();
        for (Observed o : observed) {
            String site = o.mostOften();
            List<Double> rt = o.rttMs().get(site);
            Site s = world.sites().get(site);
            if (rt == null || rt.isEmpty() || s == null) continue;
            double measured = median(rt);
            Probe p = o.probe();
            double mean = model.meanMs(p.latitude(), p.longitude(), p.countryCode(), s.latitude(), s.longitude(), s.country());
            abs.add(Math.abs(mean - measured));
            rel.add(Math.abs(mean - measured) / measured);
            signed.add(mean - measured);
        }
        return new double[] {median(abs), median(rel), median(signed), abs.size()};
    }

    static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }

    static String nearest(SimulatedWorld world, Probe p) {
        return world.sites().values().stream()
                .min(Comparator.<Site>comparingDouble(s -> GreatCircle.km(p.latitude(), p.longitude(), s.latitude(), s.longitude()))
                        .thenComparing(Site::id))
                .orElseThrow().id();
    }

    /**
     * Cloudflare's msm 1768147 file: each result names the site (the id.server answer, also dst_city) and carries the
     * probe's AS, country and coordinates as of the measurement.
     */
    static List<Observed> cloudflare(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<Integer, Probe> probes = new TreeMap<>();
        Map<Integer, Map<String, Integer>> sites = new HashMap<>();
        Map<Integer, Map<String, List<Double>>> rtts = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode n = json.readTree(line);
                JsonNode answers = n.path("result").path("answers");
                if (!answers.isArray() || answers.isEmpty()) continue;
                String site = answers.get(0).path("RDATA").asText().toLowerCase(Locale.ROOT);
                int id = n.get("prb_id").asInt();
                probes.computeIfAbsent(id, k -> new Probe(id, n.path("asn_v4").isIntegralNumber() ? n.get("asn_v4").asInt() : null, null,
                        n.path("country_code").asText(null), n.get("src_lon").asDouble(), n.get("src_lat").asDouble(), "Connected", false, null));
                sites.computeIfAbsent(id, k -> new TreeMap<>()).merge(site, 1, Integer::sum);
                if (n.path("result").path("rt").isNumber()) {
                    rtts.computeIfAbsent(id, k -> new TreeMap<>()).computeIfAbsent(site, k -> new ArrayList<>()).add(n.path("result").get("rt").asDouble());
                }
            }
        }
        List<Observed> out = new ArrayList<>();
        probes.forEach((id, p) -> out.add(new Observed(p, sites.get(id), rtts.getOrDefault(id, Map.of()))));
        return out;
    }

    /**
     * Google Public DNS's decoded whoami file ({@code prb_id, msm_id, timestamp, from, rt_ms, site_iata, …}); the probes'
     * AS, country and coordinates come from the shared probe list (2023), so probes not in it are left out.
     */
    static List<Observed> google(Path tsv, List<Probe> probeList) throws Exception {
        Map<Integer, Probe> known = new HashMap<>();
        for (Probe p : probeList) if (p.latitude() != null) known.put(p.id(), p);
        Map<Integer, Map<String, Integer>> sites = new TreeMap<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            int id = Integer.parseInt(f[0]);
            if (!known.containsKey(id)) continue;
            sites.computeIfAbsent(id, k -> new TreeMap<>()).merge(f[5].toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        List<Observed> out = new ArrayList<>();
        sites.forEach((id, s) -> out.add(new Observed(known.get(id), s, Map.of())));
        return out;
    }
}
