package net.nsglobal.te.propose;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.te.world.World;

/**
 * One round of unicast pings: the RTT from every probe to every site's own address (ms, NaN where there is none).
 * This is the oracle's input (a probe's best site is its least RTT) and what the predictor puts on a predicted site;
 * it costs one ping measurement per site, not a catchment experiment (AnyOpt measures it the same way).
 */
public final class UnicastRtt {
    private final List<String> sites;
    private final double[][] ms;

    public UnicastRtt(List<String> sites, double[][] ms) {
        this.sites = List.copyOf(sites);
        this.ms = ms;
    }

    /** The world's unicast samples drawn with {@code seed}, probes in {@code probes} order, sites in {@code sites} order. */
    public static UnicastRtt measure(World world, List<Probe> probes, List<String> sites, long seed) {
        double[][] ms = new double[probes.size()][sites.size()];
        for (int p = 0; p < probes.size(); p++) {
            for (int s = 0; s < sites.size(); s++) {
                OptionalDouble v = world.rttMs(probes.get(p).id(), sites.get(s), seed);
                ms[p][s] = v.isPresent() ? v.getAsDouble() : Double.NaN;
            }
        }
        return new UnicastRtt(sites, ms);
    }

    public List<String> sites() { return sites; }

    /** Per site (in {@link #sites()} order), for the probe at index {@code p}; NaN where unknown. */
    public double[] of(int p) { return ms[p]; }

    public double ms(int p, int site) { return ms[p][site]; }

    /** The site index with the least RTT, −1 if none is known: the oracle's site. */
    public int best(int p) {
        int best = -1;
        for (int s = 0; s < ms[p].length; s++) {
            if (!Double.isNaN(ms[p][s]) && (best < 0 || ms[p][s] < ms[p][best])) best = s;
        }
        return best;
    }

    /** The least RTT, NaN if none is known: the oracle's round trip. */
    public double oracleMs(int p) {
        int b = best(p);
        return b < 0 ? Double.NaN : ms[p][b];
    }

    @Override
    public String toString() {
        return "UnicastRtt" + sites + " × " + ms.length + " probes" + (ms.length > 0 ? ", first " + Arrays.toString(ms[0]) : "");
    }
}
