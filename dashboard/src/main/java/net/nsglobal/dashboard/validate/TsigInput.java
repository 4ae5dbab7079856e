package net.nsglobal.dashboard.validate;

import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/** An optional TSIG key the collector uses towards the customer's primary (RFC 8945). */
public record TsigInput(String name, String algorithm, String secret) {
    public static final Set<String> ALGORITHMS = Set.of("hmac-sha256", "hmac-sha384", "hmac-sha512", "hmac-sha1");

    /** Null when all three fields are empty; otherwise a checked key. */
    public static TsigInput parse(String name, String algorithm, String secret) throws Invalid {
        boolean none = blank(name) && blank(secret);
        if (none) return null;
        if (blank(name)) throw new Invalid("name", "Give the TSIG key name as configured on your primary.");
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) n = n.substring(0, n.length() - 1);
        if (!n.matches("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*") || n.length() > 253) {
            throw new Invalid("name", "A TSIG key name is a domain-style name such as transfer-key.");
        }
        String alg = blank(algorithm) ? "hmac-sha256" : algorithm.strip().toLowerCase(Locale.ROOT);
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
