package net.nsglobal.atlas.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Which results to fetch: a time window ({@code start}/{@code stop}, inclusive, epoch seconds) and probe ids. */
public record ResultQuery(Optional<Instant> start, Optional<Instant> stop, List<Integer> probeIds) {
    public ResultQuery {
        probeIds = List.copyOf(probeIds);
        if (start.isPresent() && stop.isPresent() && stop.get().isBefore(start.get())) {
            throw new IllegalArgumentException("atlas: results stop is before start");
        }
    }

    public static ResultQuery all() {
        return new ResultQuery(Optional.empty(), Optional.empty(), List.of());
    }

    public static ResultQuery since(Instant start) {
        return new ResultQuery(Optional.of(start), Optional.empty(), List.of());
    }

    public ResultQuery probes(List<Integer> ids) {
        return new ResultQuery(start, stop, ids);
    }
}
