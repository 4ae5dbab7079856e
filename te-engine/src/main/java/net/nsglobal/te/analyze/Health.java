package net.nsglobal.te.analyze;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import net.nsglobal.te.store.CatchmentSample;
import net.nsglobal.te.store.ProbeInfo;

/**
 * Probe health over recent rounds. Each known probe is expected once per round; in each round it counts once, as
 * answered (any sample without an error, whether or not the answer named a known site), else as a timeout (an error
 * mentioning "timeout"), else as malformed (an error mentioning "malformed"); a round with neither an answer nor
 * one of those errors (no sample, or another error such as "getaddrinfo") counts only as expected. A probe that
 * sampled but is not among the known probes is listed too (no AS or country), expected in the rounds from its
 * first sample on. {@code lastAnswer} is the time of its newest answer, null if none. Sorted by probe id.
 */
final class Health {
    private Health() {}

    static List<ProbeHealth> of(List<ProbeInfo> probes, List<List<CatchmentSample>> recentRounds) {
        Map<Integer, Tally> tallies = new TreeMap<>();
        for (ProbeInfo p : probes) tallies.put(p.id(), new Tally(p.asn(), p.country(), 0));
        for (int round = 0; round < recentRounds.size(); round++) {
            Map<Integer, Outcome> outcome = new TreeMap<>();
            for (CatchmentSample s : recentRounds.get(round)) {
                final int r = round;
                Tally t = tallies.computeIfAbsent(s.probeId(), id -> new Tally(null, null, r));
                outcome.merge(s.probeId(), Outcome.of(s), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
                if (s.error() == null && (t.lastAnswer == null || s.time().isAfter(t.lastAnswer))) {
                    t.lastAnswer = s.time();
                }
            }
            outcome.forEach((id, o) -> {
                Tally t = tallies.get(id);
                switch (o) {
                    case ANSWERED -> t.answered++;
                    case TIMEOUT -> t.timeouts++;
                    case MALFORMED -> t.malformed++;
                    case OTHER -> { }
                }
            });
        }
        List<ProbeHealth> out = new ArrayList<>();
        int rounds = recentRounds.size();
        tallies.forEach((id, t) -> out.add(new ProbeHealth(id, t.asn, t.country, rounds - t.firstRound, t.answered,
                t.timeouts, t.malformed, t.lastAnswer)));
        return out;
    }

    /** A probe's verdict in one round, best first. */
    private enum Outcome {
        ANSWERED, TIMEOUT, MALFORMED, OTHER;

        static Outcome of(CatchmentSample s) {
            if (s.error() == null) return ANSWERED;
            String e = s.error().toLowerCase(Locale.ROOT);
            if (e.contains("timeout")) return TIMEOUT;
            if (e.contains("malformed")) return MALFORMED;
            return OTHER;
        }
    }

    private static final class Tally {
        final Long asn;
        final String country;
        final int firstRound;
        int answered;
        int timeouts;
        int malformed;
        Instant lastAnswer;

        Tally(Long asn, String country, int firstRound) {
            this.asn = asn;
            this.country = country;
            this.firstRound = firstRound;
        }
    }
}
