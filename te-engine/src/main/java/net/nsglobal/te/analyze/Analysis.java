package net.nsglobal.te.analyze;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.store.CatchmentSample;
import net.nsglobal.te.store.PingSample;
import net.nsglobal.te.store.ProbeInfo;
import net.nsglobal.te.store.Round;

/** The analysis of measurement rounds: plain values in, plain values out. */
public final class Analysis {
    private Analysis() {}

    /**
     * The snapshot of one round: {@code catchment} holds the round's catchment samples, {@code pingsBySite} its
     * unicast pings keyed by site id, {@code previous} the snapshot of the round before (for flips). The oracle is
     * each probe's lowest unicast RTT ({@link Oracle#unicast}); the rules are {@link RoundAnalysis}'s.
     */
    public static CatchmentSnapshot of(Round round, List<ProbeInfo> probes, List<CatchmentSample> catchment,
                                       Map<String, List<PingSample>> pingsBySite, List<Site> sites,
                                       Optional<CatchmentSnapshot> previous) {
        return RoundAnalysis.of(round, probes, catchment, Oracle.unicast(pingsBySite), sites, previous);
    }

    /** Probe health over recent rounds' catchment samples (oldest round first); the rules are {@link Health}'s. */
    public static List<ProbeHealth> health(List<ProbeInfo> probes, List<List<CatchmentSample>> recentRounds) {
        return Health.of(probes, recentRounds);
    }
}
