package net.nsglobal.control.validate;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import net.nsglobal.dns.config.TsigAlgorithm;
import net.nsglobal.dns.config.TsigKey;
import org.xbill.DNS.TSIG;

/**
 * An optional TSIG key the collector uses towards the customer's primary (RFC 8945).
 * <p>
 * The key's name is part of every MAC (RFC 8945 §4.3.3: the TSIG owner name is in the digested "TSIG variables"), so
 * the collector must present exactly the name the primary knows: we can never rename a customer's key. And the
 * collector knows each key by its name alone (one {@code tsig-keys-file}), so one name can stand for one secret only:
 * two zones may share a name only when they share the whole key ({@link #sameKeyAs}).
 */
public record TsigInput(String name, String algorithm, String secret) {
    /** The algorithms a customer may choose: dns-node's one table (RFC 8945 §6), by their config names. */
    public static final Set<String> ALGORITHMS = java.util.Arrays.stream(TsigAlgorithm.values())
            .map(TsigAlgorithm::toString).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final String DEFAULT_ALGORITHM = "hmac-sha256";

    /** A key as stored with a zone; null when the zone has none (transfers unsigned). */
    public static TsigInput stored(String name, String algorithm, String secret) {
        if (name == null || secret == null) return null;
        return new TsigInput(normalName(name), algorithm == null ? DEFAULT_ALGORITHM : algorithm, secret.strip());
    }

    /** Key names compare as domain names: case-insensitive, the trailing dot optional. */
    public static String normalName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** Same name, same algorithm and the same secret bytes (base64 spelling aside): one key, which zones may share. */
    public boolean sameKeyAs(TsigInput other) {
        return other != null && normalName(name).equals(normalName(other.name)) && algorithm.equals(other.algorithm)
                && MessageDigest.isEqual(secretBytes(), other.secretBytes());
    }

    private byte[] secretBytes() {
        try {
            return Base64.getDecoder().decode(secret.strip());
        } catch (IllegalArgumentException e) {
            return secret.getBytes(java.nio.charset.StandardCharsets.UTF_8); // not from the form: compare as typed
        }
    }

    /** This key as dns-node's one key type (the collector's key file holds the same). */
    public TsigKey toKey() {
        return TsigKey.of(normalName(name), algorithm, secret.strip());
    }

    /** The dnsjava signer for this key (queries to the customer's primary are signed as the collector signs them). */
    public TSIG signer() {
        return toKey().toTsig();
    }

    /** Null when all three fields are empty; otherwise a checked key. */
    public static TsigInput parse(String name, String algorithm, String secret) throws Invalid {
        boolean none = blank(name) && blank(secret);
        if (none) return null;
        if (blank(name)) throw new Invalid("name", "Give the TSIG key name as configured on your primary.");
        String n = normalName(name);
        if (!n.matches("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*") || n.length() > 253) {
            throw new Invalid("name", "A TSIG key name is a domain-style name such as transfer-key.");
        }
        String alg = blank(algorithm) ? DEFAULT_ALGORITHM : algorithm.strip().toLowerCase(Locale.ROOT);
        if (!ALGORITHMS.contains(alg)) throw new Invalid("algorithm", "Choose hmac-sha256, hmac-sha384, hmac-sha512 or hmac-sha1.");
        if (blank(secret)) throw new Invalid("secret", "Paste the base64 secret of the key.");
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(secret.strip());
        } catch (IllegalArgumentException e) {
            throw new Invalid("secret", "The secret is not valid base64.");
        }
        if (raw.length < 16) throw new Invalid("secret", "The secret is too short (at least 128 bits).");
        return new TsigInput(n, alg, secret.strip());
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

    public static final class Invalid extends Exception {
        public final String field;
        public Invalid(String field, String message) { super(message, null, false, false); this.field = field; }
    }
}
