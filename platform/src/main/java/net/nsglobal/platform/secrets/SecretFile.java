package net.nsglobal.platform.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A random secret kept in a file only its owner may read (mode 0600): made on first use, read on every later start,
 * so a restart finds the same password or key. The file appears whole or not at all (written beside it, then moved in
 * place); when two processes race to make it, the loser uses the winner's. A file found readable by others is set to
 * 0600 with a warning.
 */
public final class SecretFile {
    private static final Logger log = LoggerFactory.getLogger(SecretFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {}

    /** The secret's text and whether this call made it. */
    public record Secret(String value, boolean created) {}

    /**
     * The secret in {@code file}, or a new one of {@code randomBytes} random bytes written with {@code encoder}.
     *
     * @throws IOException when the file cannot be made or read, or is empty (the message names the file)
     */
    public static Secret readOrCreate(Path file, int randomBytes, Base64.Encoder encoder) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean created = false;
        if (!Files.exists(file)) {
            byte[] raw = new byte[randomBytes];
            RANDOM.nextBytes(raw);
            Path tmp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.writeString(tmp, encoder.encodeToString(raw) + "\n", StandardCharsets.US_ASCII);
                Files.move(tmp, file); // no REPLACE_EXISTING: a file made meanwhile by another process wins
                created = true;
            } catch (FileAlreadyExistsException e) {
                // another process made it first: use theirs
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("secrets: {} was readable by others; set to mode 0600", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (value.isEmpty()) throw new IOException("secrets: " + file + " is empty");
        return new Secret(value, created);
    }
}
