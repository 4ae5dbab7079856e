package net.nsglobal.te.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import net.nsglobal.platform.db.Database;

/**
 * Run by hand through bench/te-ingest.sh, not a test (figures in docs/performance.md, "Observatory store"): ingests
 * catchment samples shaped like rounds of a {@code probes}-probe catchment measurement through COPY into a fresh
 * embedded PostgreSQL (the platform's, fsync on), one round per {@code ingestCatchment} call, and prints results/s.
 * Then: the last rounds again (every sample a duplicate of an overlapping fetch window), ping rounds (one sample per
 * probe per site), a roll-up refresh over everything, and retention of half.
 * Arguments: [samples] [probes] [warm-up rounds] [rounds per call], default 1000000 10000 5 1.
 */
public final class IngestBench {
    static final String[] SITES = {"ams1", "cdg1", "fmt1", "fra1", "gru1", "iad1", "jnb1", "lhr1", "nrt1", "nyc1", "slc1", "syd1"};
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    /** One round: every probe answers within 5 minutes of the start; ~3% time out; the rest reach one site. */
    static List<CatchmentSample> round(long msm, int probes, Instant start, SplittableRandom rnd) {
        List<CatchmentSample> out = new ArrayList<>(probes);
        for (int p = 0; p < probes; p++) {
            Instant t = start.plusSeconds(rnd.nextInt(300));
            if (rnd.nextInt(100) < 3) {
                out.add(new CatchmentSample(msm, 1000 + p, t, null, Double.NaN, "timeout"));
            } else {
                String site = SITES[(p * 7 + (int) (msm % 3)) % SITES.length];
                out.add(new CatchmentSample(msm, 1000 + p, t, site, 1 + rnd.nextDouble() * 299, null));
            }
        }
        return out;
    }

    static List<PingSample> pingRound(long firstMsm, int probes, Instant start, SplittableRandom rnd) {
        List<PingSample> out = new ArrayList<>(probes * SITES.length);
        for (int s = 0; s < SITES.length; s++) {
            for (int p = 0; p < probes; p++) {
                int received = rnd.nextInt(100) < 2 ? 0 : 3;
                out.add(new PingSample(firstMsm + s, 1000 + p, start.plusSeconds(rnd.nextInt(300)), SITES[s],
                        received == 0 ? Double.NaN : 1 + rnd.nextDouble() * 299, 3, received));
            }
        }
        return out;
    }

    /**
     * CPU seconds used so far by the embedded server (the postmaster and its live children: the pool's backends,
     * the WAL writer, checkpointer, …; an autovacuum worker that has exited is not counted) and by this JVM.
     */
    static double[] cpu(Path dir) throws Exception {
        long pm = Long.parseLong(Files.readAllLines(dir.resolve("pg/postmaster.pid")).get(0).trim());
        long ticks = ticks(pm);
        for (ProcessHandle c : ProcessHandle.of(pm).orElseThrow().descendants().toList()) ticks += ticks(c.pid());
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        return new double[] {ticks / 100.0, jvm}; // USER_HZ is 100 on Linux
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15 of proc(5))
        } catch (Exception e) {
            return 0; // exited meanwhile
        }
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int probes = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int perCall = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        int rounds = Math.max(1, total / probes / perCall) * perCall;
        SplittableRandom rnd = new SplittableRandom(42);
        Path dir = Files.createTempDirectory("te-ingest-bench");
        try (Database db = Database.embedded(dir)) {
            MeasurementStore store = MeasurementStores.open(db, StoreSettings.defaults());
            List<List<CatchmentSample>> warmup = new ArrayList<>(), measured = new ArrayList<>();
            for (int r = 0; r < warm; r++) warmup.add(round(1_000_000 + r, probes, T0.minus(Duration.ofDays(1)).plusSeconds(900L * r), rnd));
            for (int r = 0; r < rounds; r += perCall) {
                List<CatchmentSample> batch = new ArrayList<>(probes * perCall);
                for (int k = r; k < r + perCall; k++) batch.addAll(round(10_000_000 + k, probes, T0.plusSeconds(900L * k), rnd));
                measured.add(batch);
            }
            int calls = measured.size();
            for (List<CatchmentSample> b : warmup) store.ingestCatchment(b);

            long[] ns = new long[calls];
            double[] c0 = cpu(dir);
            long stored = 0, t0 = System.nanoTime();
            for (int r = 0; r < calls; r++) {
                long s = System.nanoTime();
                stored += store.ingestCatchment(measured.get(r));
                ns[r] = System.nanoTime() - s;
            }
            long all = System.nanoTime() - t0;
            double[] c1 = cpu(dir);
            long n = (long) rounds * probes;
            Arrays.sort(ns);
            System.out.printf("catchment: %,d samples in %d rounds of %,d, %d round(s) per call (after %d warm-up rounds): "
                            + "%.2f s, %,.0f results/s; per call median %.0f ms, max %.0f ms; new %,d%n", n, rounds, probes,
                    perCall, warm, all / 1e9, n / (all / 1e9), ns[calls / 2] / 1e6, ns[calls - 1] / 1e6, stored);
            double server = c1[0] - c0[0], client = c1[1] - c0[1];
            System.out.printf("catchment CPU: server %.2f s, this JVM %.2f s; %,.0f results per server CPU-second, "
                    + "%,.0f per CPU-second of both%n", server, client, n / server, n / (server + client));

            int again = Math.max(1, Math.min(10, rounds) / perCall);
            long dupNew = 0, dupN = 0, d0 = System.nanoTime();
            for (int r = calls - again; r < calls; r++) {
                dupNew += store.ingestCatchment(measured.get(r));
                dupN += measured.get(r).size();
            }
            long dup = System.nanoTime() - d0;
            System.out.printf("overlap: the last %d call(s) again (%,d samples, all stored already): %.2f s, %,.0f results/s, new %d%n",
                    again, dupN, dup / 1e9, dupN / (dup / 1e9), dupNew);

            int pingRounds = 2;
            List<List<PingSample>> pr = new ArrayList<>();
            for (int r = 0; r < pingRounds; r++) pr.add(pingRound(20_000_000 + 100L * r, probes, T0.plusSeconds(900L * r), rnd));
            long p0 = System.nanoTime(), pn = 0;
            for (List<PingSample> b : pr) pn += store.ingestPings(b);
            long pt = System.nanoTime() - p0;
            System.out.printf("pings: %d rounds of %,d (%d sites x %,d probes): %.2f s, %,.0f results/s, new %,d%n",
                    pingRounds, probes * SITES.length, SITES.length, probes, pt / 1e9, pn / (pt / 1e9), pn);

            Instant end = T0.plusSeconds(900L * rounds + 300);
            long r0 = System.nanoTime();
            store.refreshRollups(T0, end);
            long rt = System.nanoTime() - r0;
            long buckets = store.shareOverTime(T0, end, Duration.ofMinutes(5)).size();
            System.out.printf("roll-up refresh over all %d rounds: %.2f s (%,d site-bucket rows)%n", rounds, rt / 1e9, buckets);

            long x0 = System.nanoTime();
            long deleted = store.deleteRawBefore(T0.plusSeconds(900L * (rounds / 2)));
            long xt = System.nanoTime() - x0;
            System.out.printf("retention of the older half: %,d rows deleted in %.2f s%n", deleted, xt / 1e9);
        } finally {
            try (Stream<Path> w = Files.walk(dir)) {
                w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
