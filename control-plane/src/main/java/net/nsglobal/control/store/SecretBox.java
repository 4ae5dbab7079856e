package net.nsglobal.control.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import net.nsglobal.platform.secrets.SecretFile;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts the customers' TSIG secrets at rest: AES-256-GCM from the JDK, a fresh random 96-bit nonce per value
 * (NIST SP 800-38D §8.2.2), the zone's name as associated data so a sealed value copied onto another zone's row does
 * not open. A stored value reads {@code aesgcm1:BASE64(nonce ‖ ciphertext ‖ tag)}; anything without that prefix is a
 * clear value from before encryption, which {@link Repository#sealClearSecrets} rewrites on start.
 * <p>
 * The key lives outside the database, in a file of mode 0600 in the data directory, created on first start: a copy
 * of the database (a backup, a dump handed to support) carries no usable secret.
 */
public final class SecretBox {
    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    static final String PREFIX = "aesgcm1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** Thrown when the key file is unusable or a stored value does not open with it. */
    public static final class Failure extends RuntimeException {
        public Failure(String message, Throwable cause) { super(message, cause); }
    }

    /** The box for the key in {@code keyFile}, creating the file (0600, 32 random bytes in base64) when absent. */
    public static SecretBox open(Path keyFile) throws IOException {
        SecretFile.Secret text = SecretFile.readOrCreate(keyFile, 32, Base64.getEncoder());
        if (text.created()) log.info("secrets: created the TSIG secret key file {}", keyFile);
        byte[] k;
        try {
            k = Base64.getDecoder().decode(text.value());
        } catch (IllegalArgumentException e) {
            throw new IOException("secrets: " + keyFile + " is not base64 (expected a 32-byte AES key)", e);
        }
        if (k.length != 32) {
            throw new IOException("secrets: " + keyFile + " holds " + k.length + " bytes, expected a 32-byte AES key");
        }
        return new SecretBox(k);
    }

    /** Whether a stored value is sealed (rather than clear from before encryption). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The sealed form of {@code clear} for {@code domain}'s row; null stays null. */
    public String seal(String domain, String clear) {
        if (clear == null) return null;
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(domain.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + ct.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(ct, 0, out, nonce.length, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new Failure("secrets: cannot encrypt the TSIG secret of " + domain, e);
        }
    }

    /** The clear value of a stored one (a clear legacy value is returned as it is); null stays null. */
    public String open(String domain, String stored) {
        if (stored == null || !isSealed(stored)) return stored;
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            c.updateAAD(domain.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Failure("secrets: the stored TSIG secret of " + domain + " does not open with this key file "
                    + "(was the key file replaced?)", e);
        }
    }
}
