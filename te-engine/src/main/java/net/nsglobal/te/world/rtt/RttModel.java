package net.nsglobal.te.world.rtt;

import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Round-trip time between a vantage point and a site of the simulated Internet:
 * <pre>
 *   mean   = access(probe country) + access(site country) + msPerKm × greatCircleKm(probe, site)
 *            + border(probe country) + border(site country)     if the two countries differ
 *   sample = max(fibre floor, mean × pathFactor(probe, site) × jitter(probe, site, seed))
 * </pre>
 * {@code msPerKm} is fibre speed (about 200 km/ms, so 0.01 ms per km there and back) times the path stretch;
 * {@code access} is one end's share of what distance does not explain (last mile, in-country detours);
 * {@code border} is one end's share of what leaving the country adds (a remote country's traffic detours through
 * distant hubs, so its international round trips exceed what distance explains). All are
 * fitted by {@link Calibration} against RIPE Atlas's country-pair statistics ({@link FittedConstants}).
 *
 * <p>Noise is deterministic. {@code pathFactor} is a mean-one log-normal drawn once per (probe, site), with the
 * data's median relative spread between probe pairs of one country pair ({@code pathSigma}): the same probe always
 * sees the same path, as a real one mostly does. {@code jitter} is a mean-one log-normal drawn per
 * {@code (probe, site, seed)} with {@value #JITTER_SIGMA} (queueing; an assumption, the statistics carry no
 * per-sample spread). No sample is faster than light in fibre along the great circle.
 */
public final class RttModel {
    /** Per-sample relative jitter (assumed, not fitted). */
    public static final double JITTER_SIGMA = 0.03;
    /** Light in fibre, km per ms (refractive index about 1.5). */
    public static final double FIBRE_KM_PER_MS = 200;

    private final double msPerKm, baseAccessMs, baseBorderMs, pathSigma, jitterSigma;
    private final Map<String, Double> accessMs, borderMs;

    public RttModel(double msPerKm, double baseAccessMs, Map<String, Double> accessMs, double baseBorderMs,
                    Map<String, Double> borderMs, double pathSigma, double jitterSigma) {
        if (!(msPerKm >= 2 / FIBRE_KM_PER_MS)) throw new IllegalArgumentException("rtt: " + msPerKm + " ms/km is faster than light in fibre");
        this.msPerKm = msPerKm;
        this.baseAccessMs = baseAccessMs;
        this.accessMs = Map.copyOf(accessMs);
        this.baseBorderMs = baseBorderMs;
        this.borderMs = Map.copyOf(borderMs);
        this.pathSigma = pathSigma;
        this.jitterSigma = jitterSigma;
    }

    /** The model with the shipped constants. */
    public static RttModel fitted() {
        return new RttModel(FittedConstants.MS_PER_KM, FittedConstants.BASE_ACCESS_MS, FittedConstants.ACCESS_MS,
                FittedConstants.BASE_BORDER_MS, FittedConstants.BORDER_MS, FittedConstants.PATH_SIGMA, JITTER_SIGMA);
    }

    public double msPerKm() { return msPerKm; }

    /** Path stretch over the great circle at fibre speed. */
    public double stretch() { return msPerKm * FIBRE_KM_PER_MS / 2; }

    public double pathSigma() { return pathSigma; }

    /** One end's access latency; countries without a fitted value (or unknown, null) get the common base. */
    public double accessMs(String country) {
        if (country == null) return baseAccessMs;
        return accessMs.getOrDefault(country.toUpperCase(Locale.ROOT), baseAccessMs);
    }

    /** One end's border cost; countries without a fitted value (or unknown, null) get the common base. */
    public double borderMs(String country) {
        if (country == null) return baseBorderMs;
        return borderMs.getOrDefault(country.toUpperCase(Locale.ROOT), baseBorderMs);
    }

    /** The mean RTT over {@code km} of great circle between the two countries (an unknown country is foreign). */
    public double meanMs(double km, String country1, String country2) {
        double ms = accessMs(country1) + accessMs(country2) + msPerKm * km;
        if (country1 == null || !country1.equalsIgnoreCase(country2)) ms += borderMs(country1) + borderMs(country2);
        return Math.max(floorMs(km), ms);
    }

    /** The mean RTT between two points. */
    public double meanMs(double lat1, double lon1, String country1, double lat2, double lon2, String country2) {
        return meanMs(GreatCircle.km(lat1, lon1, lat2, lon2), country1, country2);
    }

    /**
     * One sample between probe {@code probeId} at (lat1, lon1) and site {@code site} at (lat2, lon2), drawn from
     * {@code noiseSeed}: the same arguments give the same value.
     */
    public double sampleMs(int probeId, double lat1, double lon1, String country1, String site, double lat2, double lon2,
                           String country2, long noiseSeed) {
        double km = GreatCircle.km(lat1, lon1, lat2, lon2);
        long path = mix(probeId * 0x9E3779B97F4A7C15L ^ site.hashCode());
        double pathFactor = logNormal(new SplittableRandom(path), pathSigma);
        double jitter = logNormal(new SplittableRandom(mix(path ^ mix(noiseSeed))), jitterSigma);
        return Math.max(floorMs(km), meanMs(km, country1, country2) * pathFactor * jitter);
    }

    /** There and back at fibre speed along the great circle, plus a little for the end hosts. */
    static double floorMs(double km) {
        return 2 * km / FIBRE_KM_PER_MS + 0.1;
    }

    private static double logNormal(SplittableRandom r, double sigma) {
        return Math.exp(sigma * r.nextGaussian() - sigma * sigma / 2);
    }

    /** SplitMix64's finaliser: neighbouring seeds give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
