package net.nsglobal.control.config;

import static net.nsglobal.control.config.Schema.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.ProcessFile;
import net.nsglobal.config.Section;

/**
 * {@code control-plane.te-database:} — where the TE engine (a separate process, {@code nsglobal te engine}) keeps its
 * proposals and measurements. When set, the control plane serves the proposals' operator pages and API over that
 * database; the engine's apply job still does the applying.
 *
 * @param url      JDBC URL
 * @param user     database user, or null
 * @param password the first line of {@code password-file}, or null when no file is named
 */
public record TeDatabase(String url, String user, String password) {
    static final String KEY = "te-database";

    @Override
    public String toString() { return "TeDatabase[" + url + ", user " + user + "]"; } // never the password

    /** The {@code te-database:} of a process file's {@code control-plane:} section; empty when absent. */
    public static Optional<TeDatabase> read(ProcessFile file) throws ConfigException {
        return file.read(SECTION, s -> {
            ControlPlaneConfig.read(s, file.baseDir()); // the rest of the section, so finish() accepts it
            return read(s, file.baseDir());
        });
    }

    static Optional<TeDatabase> read(Section top, Path baseDir) throws ConfigException {
        if (!top.has(KEY)) return Optional.empty();
        Section t = top.section(KEY);
        String url = t.get(TE_DB_URL);
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException(t.keyOf("url"), "expected a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB), not " + url);
        }
        Path pwFile = t.get(TE_DB_PASSWORD_FILE);
        String password = null;
        if (pwFile != null) {
            Path f = baseDir.resolve(pwFile).normalize();
            try {
                password = Files.readString(f, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new ConfigException(t.keyOf("password-file"), "cannot read " + f + ": " + e);
            }
            if (password.isEmpty()) throw new ConfigException(t.keyOf("password-file"), f + " is empty");
        }
        TeDatabase db = new TeDatabase(url, t.get(TE_DB_USER), password);
        t.finish();
        return Optional.of(db);
    }
}
