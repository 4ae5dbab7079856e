package net.nsglobal.atlas.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A ping result. {@code rtts} has one entry per packet: the RTT in ms, or null for a lost packet ({@code x: "*"})
 * or a packet the probe could not send ({@code error}). {@code min/avg/max} are null when nothing came back (the API
 * writes {@code -1}).
 */
public record PingResult(long msmId, int probeId, Instant timestamp, int fw, String from, String dstAddr, int sent,
                         int received, Double minMs, Double avgMs, Double maxMs, List<Double> rtts, int packetErrors)
        implements MeasurementResult {
    public PingResult {
        rtts = Collections.unmodifiableList(new ArrayList<>(rtts)); // List.copyOf refuses the nulls of lost packets
    }

    public long lost() {
        return rtts.stream().filter(Objects::isNull).count();
    }
}
