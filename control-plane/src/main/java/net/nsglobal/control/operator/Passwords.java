package net.nsglobal.control.operator;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Operators' password hashes: Argon2id (RFC 9106) through Spring Security Crypto's {@link Argon2PasswordEncoder}
 * (Bouncy Castle computes it), stored as a PHC string {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash} that carries its
 * own parameters, so stronger parameters later still verify old hashes.
 */
final class Passwords {
    /** Spring Security 5.8's defaults: 16-byte salt, 32-byte hash, 1 lane, 16 MiB, 2 iterations. */
    private static final Argon2PasswordEncoder ARGON2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    /**
     * Checked against when the name is unknown, so a wrong name costs as long as a wrong password and the answer
     * time does not tell which names exist.
     */
    private static final String DUMMY = ARGON2.encode("no operator has this password: it only costs time");

    private Passwords() {}

    static String hash(CharSequence password) { return ARGON2.encode(password); }

    static boolean matches(CharSequence password, String hash) { return ARGON2.matches(password, hash); }

    /** Spends the time of one verification and returns false. */
    static boolean burn(CharSequence password) {
        ARGON2.matches(password, DUMMY);
        return false;
    }
}
