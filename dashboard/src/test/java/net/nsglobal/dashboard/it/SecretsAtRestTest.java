package net.nsglobal.dashboard.it;

import net.nsglobal.testkit.Http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TSIG secrets are not in the database in clear: a confirmed key is sealed in its row, the key that opens it is a
 * 0600 file in the data directory, rows from before encryption are sealed on start, and expired pending requests go
 * with their secrets. The collector still gets the clear key through its own 0600 file.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SecretsAtRestTest {
    @TempDir Path dir;

    private static String stored(Harness h, String sql) {
        return h.plane.jdbi().withHandle(x -> x.createQuery(sql).mapTo(String.class).findOne().orElse(null));
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void secretsAreSealedMigratedAndPurged() throws Exception {
        try (Harness h = new Harness(dir, "{per-client-ip: 100, per-client-site: 300, per-domain: 100, "
                + "per-rname: 100, max-pending: 100}")) {
            String secret = Harness.XFR_KEY.secret();
            HttpResponse<String> r = new Http(h.url()).postJson("/api/v1/signups", "{\"domain\":\"" + Harness.API
                    + "\",\"primaries\":[\"" + h.knot.hostPort() + "\"],\"tsig\":{\"name\":\"xfr-key\","
                    + "\"algorithm\":\"hmac-sha512\",\"secret\":\"" + secret + "\"}}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            assertThat(stored(h, "select tsig_secret from pending_request")).as("pending row").doesNotContain(secret);
            String path = Harness.confirmPath(Harness.body(h.awaitMailTo("dns-admin@api-shop.test", 1)));
            Http web = new Http(h.url());
            assertThat(web.post(path, Map.of("csrf", web.csrf(path))).statusCode()).isEqualTo(303);

            String row = stored(h, "select tsig_secret from zone where domain = 'api-shop.test'");
            assertThat(row).as("zone row").isNotNull().doesNotContain(secret).startsWith("aesgcm1:");
            Path key = h.config.dataDir().resolve("tsig-secrets.key");
            assertThat(mode(key)).isEqualTo("rw-------");
            assertThat(Files.readString(h.config.collector().keysFile())).contains(secret);
            assertThat(mode(h.config.collector().keysFile())).isEqualTo("rw-------");

            // Rows as an older control plane left them: a zone's secret in clear, a live and an expired request.
            h.plane.jdbi().useHandle(x -> {
                x.execute("update zone set tsig_secret = ? where domain = 'api-shop.test'", secret);
                x.execute("insert into pending_request (kind, domain, primaries, tsig_name, tsig_algorithm, tsig_secret,"
                        + " mailbox, token_hash, expires_at) values ('SIGNUP', 'john-doe.test', '127.0.0.1:53', 'k1',"
                        + " 'hmac-sha256', 'bGl2ZS1zZWNyZXQ=', 'john.doe@john-doe.test', '\\x01', now() + interval '1 hour')");
                x.execute("insert into pending_request (kind, domain, primaries, tsig_name, tsig_algorithm, tsig_secret,"
                        + " mailbox, token_hash, expires_at) values ('SIGNUP', 'locked.test', '127.0.0.1:53', 'k2',"
                        + " 'hmac-sha256', 'ZXhwaXJlZC1zZWNyZXQ=', 'hostmaster@locked.test', '\\x02', now() - interval '1 minute')");
            });
            h.stopPlane();
            h.startPlane();

            assertThat(stored(h, "select tsig_secret from zone where domain = 'api-shop.test'"))
                    .as("clear zone row sealed on start").startsWith("aesgcm1:").doesNotContain(secret);
            assertThat(h.plane.repository().zone(Harness.API).orElseThrow().tsigSecret()).isEqualTo(secret);
            assertThat(stored(h, "select tsig_secret from pending_request where domain = 'john-doe.test'"))
                    .as("clear pending row sealed on start").startsWith("aesgcm1:");
            assertThat(stored(h, "select domain from pending_request where domain = 'locked.test'"))
                    .as("expired request purged").isNull();
            assertThat(Files.readString(h.config.collector().keysFile())).contains(secret);
        }
    }
}
