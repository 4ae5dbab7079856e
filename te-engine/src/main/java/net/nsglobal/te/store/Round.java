package net.nsglobal.te.store;

import java.time.Instant;
import java.util.Map;

/**
 * One measurement round: a catchment measurement and, from the same probes at the same time, one ping measurement
 * per site's unicast address ({@code pingMsms}: site id → measurement id). {@code id} is the store's.
 */
public record Round(long id, Instant started, String backend, long catchmentMsm, Map<String, Long> pingMsms) {
    public Round {
        pingMsms = Map.copyOf(pingMsms);
    }
}
