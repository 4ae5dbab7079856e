package net.nsglobal.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.nsglobal.platform.secrets.SecretFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password authentication for the embedded PostgreSQL.
 *
 * <p>A new cluster is initialised with {@code initdb --auth-host=scram-sha-256 --auth-local=scram-sha-256
 * --pwfile=FILE} (zonky passes its "locale" options to initdb as {@code --key=value} after its own {@code -A trust},
 * and initdb's last option wins). A cluster made by the earlier, trust-based code (it has PG_VERSION but no password
 * file) is converted on its first start: set the superuser's password while trust still lets us in, rewrite every
 * {@code trust} method in pg_hba.conf to scram-sha-256, reload. The same check runs on every start, so a conversion
 * interrupted half-way is finished next time.
 */
final class EmbeddedAuth {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedAuth.class);
    static final String SUPERUSER = "postgres";
    /** The superuser's password, beside {@code pg/} in the data directory; mode 0600. */
    static final String PASSWORD_FILE = "pg.password";

    private final Path passwordFile;
    private final Path pgData;
    private final String password;
    private final boolean freshCluster;
    private final boolean passwordGeneratedForExistingCluster;

    private EmbeddedAuth(Path passwordFile, Path pgData, String password, boolean freshCluster, boolean generatedForExisting) {
        this.passwordFile = passwordFile;
        this.pgData = pgData;
        this.password = password;
        this.freshCluster = freshCluster;
        this.passwordGeneratedForExistingCluster = generatedForExisting;
    }

    static EmbeddedAuth prepare(Path dataDir, Path pgData) throws IOException {
        Path file = dataDir.resolve(PASSWORD_FILE);
        boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.US_ASCII).isBlank()) {
            throw new IOException("platform db: " + file + " is empty; restore it, or delete it together with "
                    + pgData + " to start with an empty database");
        }
        SecretFile.Secret pw = SecretFile.readOrCreate(file, 24, Base64.getUrlEncoder().withoutPadding());
        return new EmbeddedAuth(file, pgData, pw.value(), fresh, pw.created() && !fresh);
    }

    String password() { return password; }

    /** Extra initdb options (used by zonky only when it initialises a new cluster). */
    Map<String, String> initdbOptions() {
        if (!freshCluster) return Map.of();
        return Map.of("auth-host", "scram-sha-256", "auth-local", "scram-sha-256", "pwfile", passwordFile.toString());
    }

    /** What to tell the operator when the server would not let us in with the stored password. */
    String startFailureHint() {
        if (passwordGeneratedForExistingCluster) {
            return "platform db: the embedded PostgreSQL in " + pgData + " refused the new password in " + passwordFile
                    + " (was the old " + PASSWORD_FILE + " deleted?). Restore the old file, or move " + pgData
                    + " away to start with an empty database";
        }
        return "platform db: could not start the embedded PostgreSQL in " + pgData + " with the password in " + passwordFile;
    }

    /** Makes sure no pg_hba.conf line trusts anybody; converts a trust-based cluster in place. */
    void enforce(EmbeddedPostgres pg) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        List<String> lines = Files.readAllLines(hba);
        List<String> out = new ArrayList<>();
        boolean changed = false;
        for (String line : lines) {
            String active = line.strip();
            if (!active.startsWith("#") && active.matches(".*\\strust(\\s.*)?")) {
                out.add(line.replaceAll("\\btrust\\b", "scram-sha-256"));
                changed = true;
            } else {
                out.add(line);
            }
        }
        if (!changed) return;
        log.warn("platform db: {} trusted local connections (made by an older version); setting a password ({}) and "
                + "switching pg_hba.conf to scram-sha-256", pgData, passwordFile);
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            // The password is base64url: no quote can occur in it. ALTER ROLE takes no bind parameters.
            st.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
            Path tmp = pgData.resolve("pg_hba.conf.tmp");
            Files.write(tmp, out);
            Files.move(tmp, hba, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            st.execute("SELECT pg_reload_conf()");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_hba_file_rules WHERE auth_method = 'trust' OR error IS NOT NULL")) {
                rs.next();
                if (rs.getLong(1) != 0) throw new IOException("platform db: " + hba + " still trusts connections after the rewrite");
            }
        } catch (SQLException e) {
            throw new IOException("platform db: converting " + pgData + " to password authentication failed: " + e.getMessage(), e);
        }
    }
}
