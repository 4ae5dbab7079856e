package net.nsglobal.dns.rrl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import net.nsglobal.dns.config.RateLimit;

/**
 * Response rate limiting (RRL, Vixie and Schryver 2012; BIND's rate-limit, Knot's mod-rrl, NSD's rrl-*): an
 * authoritative server answering forged-source UDP queries is an amplifier, so identical responses to one client
 * network are limited to a rate. Over it, responses are dropped, except every {@code slip}-th, which is sent
 * truncated (TC=1, no records): a real client then retries over TCP (RFC 7766 §1), a spoofed victim gets a small
 * packet. TCP is never limited: its handshake proves the source.
 *
 * <p>Accounting is per bucket: (client prefix — IPv4 /24, IPv6 /56 by default — , response class). The class is
 * what an attacker cannot vary cheaply: for NXDOMAIN the zone (a random-subdomain flood is one class, not millions),
 * for errors the rcode and zone, otherwise the name and type asked. Buckets live in a fixed table (no allocation,
 * bounded memory); a collision shares a bucket, which can only make limiting stricter for the two keys, as in BIND.
 * Each bucket earns {@code rate} credits per second up to {@code rate}; a response costs one.
 */
public final class ResponseRateLimiter {
    /** What to do with one response. */
    public enum Decision { SEND, SLIP, DROP }

    private static final int STRIPES = 64;

    private final int rate;
    private final int slip;
    private final int v4Shift;
    private final int v6Bits;
    private final int mask;
    private final long[] keys;
    private final int[] credit;       // in thousandths of a response, so that refill works at ms resolution
    private final long[] stamp;       // ms of the last refill
    private final int[] limited;      // responses over the limit since the bucket was last under it
    private final Object[] locks = new Object[STRIPES];
    private final LongSupplier clockMillis;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder slipped = new LongAdder();

    public ResponseRateLimiter(RateLimit cfg) {
        this(cfg, System::currentTimeMillis);
    }

    ResponseRateLimiter(RateLimit cfg, LongSupplier clockMillis) {
        this.rate = cfg.responsesPerSecond();
        this.slip = cfg.slip();
        this.v4Shift = 32 - cfg.ipv4Prefix();
        this.v6Bits = cfg.ipv6Prefix();
        int size = Integer.highestOneBit(Math.max(STRIPES, cfg.tableSize()) - 1) << 1;
        this.mask = size - 1;
        this.keys = new long[size];
        this.credit = new int[size];
        this.stamp = new long[size];
        this.limited = new int[size];
        for (int i = 0; i < STRIPES; i++) locks[i] = new Object();
        this.clockMillis = clockMillis;
    }

    /** Hash of the client's network: the address cut to the configured prefix. */
    long clientKey(InetAddress client) {
        byte[] a = client.getAddress();
        if (client instanceof Inet4Address) {
            int v = ((a[0] & 0xff) << 24) | ((a[1] & 0xff) << 16) | ((a[2] & 0xff) << 8) | (a[3] & 0xff);
            return v4Shift >= 32 ? 4 : ((long) (v >>> v4Shift) << 1) | 1;   // low bit 1: IPv4
        }
        long h = 6;
        for (int bit = 0; bit < v6Bits; bit += 8) {
            int b = a[bit / 8] & 0xff;
            int keep = Math.min(8, v6Bits - bit);
            h = h * 1_000_003 + (b >>> (8 - keep));
        }
        return h << 1;                                                     // low bit 0: IPv6
    }

    /**
     * Accounts one UDP response to {@code client} in class {@code responseClass} (any well-spread hash, see
     * {@link ResponseClass}) and says what to do with it.
     */
    public Decision account(InetAddress client, long responseClass) {
        long key = mix(clientKey(client) * 0x9E3779B97F4A7C15L + responseClass);
        if (key == 0) key = 1;                                             // 0 marks an empty bucket
        int i = (int) key & mask;
        long now = clockMillis.getAsLong();
        synchronized (locks[i & (STRIPES - 1)]) {
            if (keys[i] != key) {                                          // new or taken over: a full bucket
                keys[i] = key;
                credit[i] = rate * 1000;
                stamp[i] = now;
                limited[i] = 0;
            } else {
                long elapsed = Math.max(0, now - stamp[i]);
                if (elapsed > 0) {
                    credit[i] = (int) Math.min((long) rate * 1000, credit[i] + elapsed * rate);
                    stamp[i] = now;
                }
            }
            if (credit[i] >= 1000) {
                credit[i] -= 1000;
                limited[i] = 0;
                return Decision.SEND;
            }
            int n = ++limited[i];
            if (slip > 0 && n % slip == 0) {
                slipped.increment();
                return Decision.SLIP;
            }
            dropped.increment();
            return Decision.DROP;
        }
    }

    /** Responses dropped since start. */
    public long dropped() { return dropped.sum(); }

    /** Responses sent truncated instead (slip) since start. */
    public long slipped() { return slipped.sum(); }

    private static long mix(long z) {                                      // SplitMix64's finaliser
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
