package net.nsglobal.dns.config;

import java.util.Arrays;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/** One {@code tsig-keys:} entry (RFC 8945). */
public record TsigKey(Name name, TsigAlgorithm algorithm, byte[] secret) {
    public TsigKey {
        secret = secret.clone();
    }

    @Override
    public byte[] secret() { return secret.clone(); }

    /** A dnsjava signer/verifier for this key. */
    public TSIG toTsig() {
        return new TSIG(algorithm.dnsName(), name, secret);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TsigKey k && k.name.equals(name) && k.algorithm == algorithm && Arrays.equals(k.secret, secret);
    }

    @Override
    public int hashCode() { return name.hashCode(); }

    /** Never prints the secret. */
    @Override
    public String toString() { return "TsigKey[" + name + " " + algorithm + "]"; }
}
