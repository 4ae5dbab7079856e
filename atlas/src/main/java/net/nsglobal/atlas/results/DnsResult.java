package net.nsglobal.atlas.results;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A DNS result: the probe, where it sent the query, and one or more responses (or errors). */
public record DnsResult(long msmId, int probeId, Instant timestamp, int fw, String from, String dstAddr, String proto,
                        List<DnsResponse> responses) implements MeasurementResult {
    public DnsResult {
        responses = List.copyOf(responses);
    }

    /** Whether any exchange's recorded answer could not be decoded (Sagan's {@code is_malformed}). */
    public boolean isMalformed() {
        return responses.stream().anyMatch(DnsResponse::isMalformed);
    }

    /** The first answered response: what catchment mapping uses. */
    public Optional<DnsResponse> firstAnswer() {
        return responses.stream().filter(DnsResponse::answered).findFirst();
    }
}
