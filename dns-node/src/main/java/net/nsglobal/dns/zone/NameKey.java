package net.nsglobal.dns.zone;

import java.util.Arrays;
import net.nsglobal.dns.wire.NameBytes;

/**
 * A lowercased wire-format name as a hash key. Stored keys are immutable; a probe key is a mutable view over a
 * caller's buffer, reused per thread so a lookup allocates nothing ({@code probe.equals(stored)} is what
 * {@link java.util.concurrent.ConcurrentHashMap#get} calls).
 */
public final class NameKey {
    private byte[] bytes;
    private int off, len, hash;

    public static NameKey of(byte[] lowerWire) {
        NameKey k = new NameKey();
        k.set(lowerWire, 0, lowerWire.length);
        return k;
    }

    /** Points this (probe) key at {@code len} bytes of {@code b} from {@code off}. */
    public void set(byte[] b, int off, int len) {
        this.bytes = b;
        this.off = off;
        this.len = len;
        this.hash = NameBytes.hash(b, off, len);
    }

    @Override public int hashCode() { return hash; }

    @Override public boolean equals(Object o) {
        return o instanceof NameKey k && k.hash == hash && k.len == len
                && Arrays.equals(bytes, off, off + len, k.bytes, k.off, k.off + k.len);
    }
}
