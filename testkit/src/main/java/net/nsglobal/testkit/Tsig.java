package net.nsglobal.testkit;

/**
 * A TSIG key (RFC 8945) as the peers' config files spell it: the key name, the algorithm name (e.g.
 * {@code hmac-sha256}) and the secret in base64.
 */
public record Tsig(String name, String algorithm, String secret) {
    public Tsig {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("testkit: TSIG key without a name");
        if (algorithm == null || secret == null) throw new IllegalArgumentException("testkit: TSIG key " + name
                + " needs an algorithm and a secret");
    }

    /** The same key with another secret (a rotation). */
    public Tsig withSecret(String newSecret) { return new Tsig(name, algorithm, newSecret); }
}
