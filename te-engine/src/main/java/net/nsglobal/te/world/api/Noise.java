package net.nsglobal.te.world.api;

/** Reproducible noise seeds: SplitMix64 finalisation over (measurement, probe, timestamp[, packet]). */
final class Noise {
    private Noise() {
    }

    static long seed(long msmId, int probeId, long timestamp) {
        return mix(mix(mix(0x9E3779B97F4A7C15L, msmId), probeId), timestamp);
    }

    static long mix(long seed, long value) {
        long z = seed + 0x9E3779B97F4A7C15L * (value + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Milliseconds as a probe reports them: three decimals. */
    static double ms(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
