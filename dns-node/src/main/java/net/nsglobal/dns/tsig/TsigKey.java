package net.nsglobal.dns.tsig;

import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;

/**
 * One shared TSIG secret (RFC 8945 §6). Algorithms allowed: hmac-sha256/384/512 (RFC 8945 §6 "mandatory/recommended")
 * and hmac-sha1 for old primaries; hmac-md5 is refused (RFC 8945 §6: "MUST NOT be used").
 *
 * @param name      the key name, as both peers spell it (compared case-insensitively, RFC 8945 §4.2)
 * @param algorithm the algorithm name, e.g. {@code hmac-sha256.}
 * @param secret    the raw secret bytes
 */
public record TsigKey(Name name, Name algorithm, byte[] secret) {
    private static final Set<Name> ALLOWED =
            Set.of(TSIG.HMAC_SHA1, TSIG.HMAC_SHA256, TSIG.HMAC_SHA384, TSIG.HMAC_SHA512);

    public TsigKey {
        if (!ALLOWED.contains(algorithm)) {
            throw new IllegalArgumentException("tsig key " + name + ": algorithm " + algorithm
                    + " not allowed (use hmac-sha256, hmac-sha384, hmac-sha512 or hmac-sha1)");
        }
        secret = secret.clone();
    }

    /** Builds a key from its three textual parts (the algorithm without a trailing dot is fine). */
    public static TsigKey of(String name, String algorithm, String base64Secret) {
        try {
            Name alg = TSIG.algorithmToName(algorithm.toLowerCase(Locale.ROOT).replaceAll("\\.$", ""));
            return new TsigKey(Name.fromString(name, Name.root), alg, Base64.getDecoder().decode(base64Secret.trim()));
        } catch (TextParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("tsig key " + name + ": " + e.getMessage(), e);
        }
    }

    /** The same key as configured in {@code tsig-keys:}. */
    public static TsigKey from(net.nsglobal.dns.config.TsigKey k) {
        return k == null ? null : new TsigKey(k.name(), k.algorithm().dnsName(), k.secret());
    }

    /** Parses the command-line form {@code NAME:ALGORITHM:BASE64SECRET}. */
    public static TsigKey parse(String spec) {
        String[] parts = spec.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("tsig key '" + spec + "': expected NAME:ALGORITHM:BASE64SECRET");
        }
        return of(parts[0], parts[1], parts[2]);
    }

    /** A dnsjava signer/verifier for this key. */
    public TSIG signer() {
        return new TSIG(algorithm, name, secret);
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "TsigKey[" + name + " " + algorithm + "]";
    }
}
