package net.nsglobal.atlas.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A ping result. {@code rtts} has one entry per echo request the probe sent: the RTT in ms, or null for a request
 * that got no reply ({@code x: "*"}). A duplicate reply ({@code dup}) is not an RTT of its own and a packet the
 * probe could not send ({@code error}, e.g. "sendto failed") is not a loss: they are counted in {@code duplicates}
 * and {@code packetErrors} (as RIPE's own {@code sent}/{@code rcvd} count them, and as Sagan reads them).
 * Firmware 1 results carry only the summary ({@code min/avg/max/sent/rcvd}, no {@code result} array): {@code rtts} is
 * then empty and the loss comes from {@code sent - rcvd}. {@code min/avg/max} are null when nothing came back (the
 * API writes {@code -1}).
 */
public record PingResult(long msmId, int probeId, Instant timestamp, int fw, String from, String dstAddr, int sent,
                         int received, Double minMs, Double avgMs, Double maxMs, List<Double> rtts, int packetErrors,
                         int duplicates) implements MeasurementResult {
    public PingResult {
        rtts = Collections.unmodifiableList(new ArrayList<>(rtts)); // List.copyOf refuses the nulls of lost packets
    }

    /** As before duplicates were counted. */
    public PingResult(long msmId, int probeId, Instant timestamp, int fw, String from, String dstAddr, int sent,
                      int received, Double minMs, Double avgMs, Double maxMs, List<Double> rtts, int packetErrors) {
        this(msmId, probeId, timestamp, fw, from, dstAddr, sent, received, minMs, avgMs, maxMs, rtts, packetErrors, 0);
    }

    /** Requests that got no reply: the {@code x: "*"} packets, or {@code sent - rcvd} when only the summary is known. */
    public long lost() {
        if (rtts.isEmpty()) {
            return Math.max(0, sent - received);
        }
        return rtts.stream().filter(Objects::isNull).count();
    }

    /** The requests the loss is counted over: one per entry of {@code rtts}, or {@code sent} for a summary. */
    public int requests() {
        return rtts.isEmpty() ? sent : rtts.size();
    }
}
