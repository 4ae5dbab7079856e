package net.nsglobal.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the Debian tools the tests start; a missing tool is a test failure naming its package, never a skip. */
public final class Binaries {
    private Binaries() {}

    /** The executable {@code name} on PATH or in the sbin directories, or an AssertionError naming the package. */
    public static Path require(String name, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/local/sbin";
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return p;
        }
        throw new AssertionError(name + " not found: install the Debian package " + debianPackage
                + " (bash scripts/test.sh installs it)");
    }
}
