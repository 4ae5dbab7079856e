package net.nsglobal.control.signup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Confirmation tokens: 256 random bits from {@link SecureRandom}, given out once in the mailed link, stored only as
 * their SHA-256 so a database leak does not leak usable links. High entropy makes a plain hash sufficient (no salt or
 * slow KDF needed: there is nothing to brute-force).
 */
public final class Tokens {
    public static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    public static String newToken() {
        byte[] b = new byte[BYTES];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Where the TXT-record proof lives (as ACME's {@code _acme-challenge}, RFC 8555 §8.4). */
    public static String challengeName(String domain) {
        return "_nsglobal-challenge." + domain;
    }

    /**
     * The TXT value proving a request: base64url of the token's SHA-256. It is public once published, which is safe
     * because the link needs the token itself, and the hash does not give it away.
     */
    public static String challengeValue(byte[] tokenHash) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(tokenHash);
    }

    /** SHA-256 of the token text; null for anything that is not shaped like one of our tokens. */
    public static byte[] hash(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) return null;
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
