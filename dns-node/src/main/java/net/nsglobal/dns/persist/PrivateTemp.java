package net.nsglobal.dns.persist;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * New files and folders of this process's own (mode 0600 / 0700) in the temporary folder. Not
 * {@code Files.createTemp*}: their random names come from a SecureRandom, whose start-up loads some 80
 * security-provider classes into every node for nothing else. A guessable name is safe here: the file or folder is
 * created exclusively (O_EXCL / mkdir; a name taken, even by a symlink, fails and the next is tried) and only its
 * creator can write in it.
 */
public final class PrivateTemp {
    private PrivateTemp() {}

    /** A new empty file named {@code prefix<nanos>suffix}. */
    public static Path file(String prefix, String suffix) throws IOException {
        return create(prefix, suffix, false);
    }

    /** A new empty folder named {@code prefix<nanos>}. */
    public static Path directory(String prefix) throws IOException {
        return create(prefix, "", true);
    }

    private static Path create(String prefix, String suffix, boolean directory) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        var mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"));
        for (int attempt = 1; ; attempt++) {
            Path p = tmp.resolve(prefix + System.nanoTime() + suffix);
            try {
                return directory ? Files.createDirectory(p, mode) : Files.createFile(p, mode);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) throw e;
            }
        }
    }
}
