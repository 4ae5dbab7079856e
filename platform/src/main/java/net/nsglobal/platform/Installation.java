package net.nsglobal.platform;

import java.nio.file.Path;

/**
 * Where this installation's files are: the {@code ./nsglobal} script passes its own folder as {@code nsglobal.home},
 * so the commands find {@code sites/} and the shared data beside the installation whatever the current directory;
 * without it (an IDE, a test) the current directory. The one reader of {@code nsglobal.home}.
 */
public final class Installation {
    private Installation() {}

    public static Path home() {
        String h = System.getProperty("nsglobal.home");
        return (h == null || h.isBlank() ? Path.of("") : Path.of(h)).toAbsolutePath().normalize();
    }

    /** The fleet inventory of this installation: {@code <home>/sites}. */
    public static Path sitesDir() {
        return home().resolve("sites");
    }
}
