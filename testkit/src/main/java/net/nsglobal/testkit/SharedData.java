package net.nsglobal.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data sets in {@code shared/data} (see its SOURCES.md), used in place: found by walking up from the working
 * directory, so a module's tests find it wherever the checkout sits beside it. A missing data set fails the test with
 * a clear message, never skips it.
 */
public final class SharedData {
    private SharedData() {}

    /** The {@code shared/data} folder above the working directory. */
    public static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/data");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new AssertionError("shared/data not found above " + dir
                + ": the real data sets are required (see shared/data/SOURCES.md)");
    }

    /** A data file by its path under {@code shared/data}, which must exist. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) throw new AssertionError("missing data file " + p);
        return p;
    }
}
