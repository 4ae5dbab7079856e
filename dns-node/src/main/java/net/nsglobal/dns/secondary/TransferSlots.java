package net.nsglobal.dns.secondary;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Concurrent transfers per primary and in total (issue 3 §3). Never blocks: a zone that finds no slot is requeued
 * shortly, so one slow or flooding primary cannot hold the threads other primaries' zones need.
 */
final class TransferSlots {
    private final int perPrimary;
    private final Semaphore total;
    private final ConcurrentHashMap<InetAddress, Semaphore> byPrimary = new ConcurrentHashMap<>();

    TransferSlots(int perPrimary, int total) {
        this.perPrimary = perPrimary;
        this.total = new Semaphore(total);
    }

    boolean tryAcquire(InetAddress primary) {
        if (!total.tryAcquire()) return false;
        if (!byPrimary.computeIfAbsent(primary, p -> new Semaphore(perPrimary)).tryAcquire()) {
            total.release();
            return false;
        }
        return true;
    }

    void release(InetAddress primary) {
        byPrimary.get(primary).release();
        total.release();
    }
}
