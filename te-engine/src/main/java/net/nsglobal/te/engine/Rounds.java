package net.nsglobal.te.engine;

import java.util.Optional;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.analyze.Observatory;

/**
 * The latest round that counts as complete: ingestion runs behind a round, so its analysis counts once at least two
 * thirds of the probes asked for have answered (a proposal computed from a half-ingested round, or a verification
 * against one, would judge a handful of probes).
 */
final class Rounds {
    private final Observatory observatory;
    private final int probesPerRound;

    Rounds(Observatory observatory, int probesPerRound) {
        this.observatory = observatory;
        this.probesPerRound = probesPerRound;
    }

    Optional<CatchmentSnapshot> completeLatest() {
        return observatory.latest().filter(s -> s.probes().size() * 3L >= probesPerRound * 2L);
    }
}
