package net.nsglobal.dns.config;

import java.util.Locale;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/** TSIG MAC algorithms accepted (RFC 8945 §6: SHA-256 mandatory; SHA-1 kept for old primaries). */
public enum TsigAlgorithm {
    HMAC_SHA1(TSIG.HMAC_SHA1), HMAC_SHA256(TSIG.HMAC_SHA256), HMAC_SHA384(TSIG.HMAC_SHA384), HMAC_SHA512(TSIG.HMAC_SHA512);

    private final Name dnsName;

    TsigAlgorithm(Name dnsName) { this.dnsName = dnsName; }

    /** The algorithm's name on the wire, e.g. {@code hmac-sha256.}. */
    public Name dnsName() { return dnsName; }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
