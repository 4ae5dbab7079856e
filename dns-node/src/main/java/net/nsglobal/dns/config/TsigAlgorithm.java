package net.nsglobal.dns.config;

import java.util.Locale;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/**
 * The node's one table of TSIG MAC algorithms (RFC 8945 §6: hmac-sha256 mandatory, sha384/512 recommended; hmac-sha1
 * kept for old primaries). hmac-md5 is absent on purpose: RFC 8945 §6 says it "MUST NOT be used".
 */
public enum TsigAlgorithm {
    HMAC_SHA1(TSIG.HMAC_SHA1), HMAC_SHA256(TSIG.HMAC_SHA256), HMAC_SHA384(TSIG.HMAC_SHA384), HMAC_SHA512(TSIG.HMAC_SHA512);

    private final Name dnsName;

    TsigAlgorithm(Name dnsName) { this.dnsName = dnsName; }

    /** The algorithm's name on the wire, e.g. {@code hmac-sha256.}. */
    public Name dnsName() { return dnsName; }

    /**
     * The algorithm named {@code name} as in config and key files ({@code hmac-sha256}, any case, with or without the
     * trailing dot of its wire form).
     *
     * @throws IllegalArgumentException naming the algorithm and the allowed ones
     */
    public static TsigAlgorithm named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        for (TsigAlgorithm a : values()) if (a.toString().equals(n)) return a;
        throw new IllegalArgumentException("TSIG algorithm " + name
                + " not allowed (use hmac-sha256, hmac-sha384, hmac-sha512 or hmac-sha1)");
    }

    /** The algorithm whose wire name is {@code dnsName}, or null when the node does not allow it. */
    public static TsigAlgorithm of(Name dnsName) {
        for (TsigAlgorithm a : values()) if (a.dnsName.equals(dnsName)) return a;
        return null;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
