package net.nsglobal.dns.wire;

import java.util.Arrays;
import org.xbill.DNS.Name;

/** Helpers for names as lowercased uncompressed wire bytes (RFC 1035 §3.1), the key form of the hot path. */
public final class NameBytes {
    private NameBytes() {}

    public static int hash(byte[] b, int off, int len) {
        int h = 1;
        for (int i = off, end = off + len; i < end; i++) h = 31 * h + b[i];
        return h;
    }

    static byte lower(byte c) {
        return (c >= 'A' && c <= 'Z') ? (byte) (c + 32) : c;
    }

    /** The lowercased wire form of a dnsjava name. */
    public static byte[] lowerWire(Name name) {
        byte[] w = name.toWire();
        for (int i = 0; i < w.length; i++) w[i] = lower(w[i]);
        return w;
    }

    public static boolean equals(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        return Arrays.equals(a, aOff, aOff + aLen, b, bOff, bOff + bLen);
    }
}
