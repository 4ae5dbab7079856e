package net.nsglobal.dns.config;

import java.util.Arrays;
import java.util.Base64;
import net.nsglobal.config.DomainName;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/**
 * One shared TSIG secret (RFC 8945): a {@code tsig-keys:} entry, a key-file entry or a command-line key; the node's
 * only key type.
 *
 * @param name      the key name, as both peers spell it (compared case-insensitively, RFC 8945 §4.2)
 * @param algorithm one of the allowed MAC algorithms
 * @param secret    the raw secret bytes
 */
public record TsigKey(Name name, TsigAlgorithm algorithm, byte[] secret) {
    public TsigKey {
        secret = secret.clone();
    }

    /** Builds a key from its three textual parts (the algorithm without a trailing dot is fine). */
    public static TsigKey of(String name, String algorithm, String base64Secret) {
        try {
            return new TsigKey(DomainName.parse(name), TsigAlgorithm.named(algorithm),
                    Base64.getDecoder().decode(base64Secret.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tsig key " + name + ": " + e.getMessage(), e);
        }
    }

    /** Parses the command-line form {@code NAME:ALGORITHM:BASE64SECRET}. */
    public static TsigKey parse(String spec) {
        String[] parts = spec.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("tsig key '" + spec + "': expected NAME:ALGORITHM:BASE64SECRET");
        }
        return of(parts[0], parts[1], parts[2]);
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
