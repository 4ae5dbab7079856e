package net.nsglobal.platform.sites;

import net.nsglobal.config.ConfigException;

/**
 * A BGP community we attach to an announcement: standard ({@code ASN:VALUE}, two 16-bit halves, RFC 1997) or large
 * ({@code ASN:DATA1:DATA2}, three 32-bit parts, RFC 8092).
 */
public record Community(long asn, long data1, long data2, boolean large) {

    static Community parse(String key, String text) throws ConfigException {
        String[] parts = text.trim().split(":", -1);
        if (parts.length != 2 && parts.length != 3) {
            throw new ConfigException(key, "expected a community ASN:VALUE (RFC 1997) or ASN:DATA1:DATA2 (RFC 8092), got '" + text + "'");
        }
        boolean large = parts.length == 3;
        long max = large ? 0xFFFF_FFFFL : 0xFFFFL;
        long[] v = new long[3];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "community part '" + parts[i] + "' is not a number in '" + text + "'");
            }
            if (v[i] < 0 || v[i] > max) {
                throw new ConfigException(key, "community part " + v[i] + " out of range 0…" + max + " in '" + text + "'"
                        + (large ? "" : " (a 32-bit ASN needs a large community ASN:DATA1:DATA2)"));
            }
        }
        return new Community(v[0], v[1], v[2], large);
    }

    /** BIRD 2's literal: {@code (64500,100)} or {@code (64500,1,2)}. */
    public String birdLiteral() {
        return large ? "(" + asn + "," + data1 + "," + data2 + ")" : "(" + asn + "," + data1 + ")";
    }

    @Override
    public String toString() {
        return large ? asn + ":" + data1 + ":" + data2 : asn + ":" + data1;
    }
}
