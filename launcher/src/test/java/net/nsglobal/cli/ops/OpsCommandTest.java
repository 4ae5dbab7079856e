package net.nsglobal.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.nsglobal.cli.Main;
import net.nsglobal.control.ControlPlane;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.config.SmtpSettings;
import net.nsglobal.config.Cidr;
import net.nsglobal.dashboard.web.WebApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code nsglobal ops} end to end: the CLI adds an operator to the control plane's embedded PostgreSQL, who can then
 * log in over HTTP; a token made by the CLI (while the control plane runs on that same database) opens the
 * operators' API until the CLI revokes it. Clear errors for a duplicate or unknown name.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OpsCommandTest {
    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    /** Runs {@code nsglobal ARGS} in-process with {@code stdin} as standard input. */
    private static synchronized Run nsglobal(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Main.commandLine(args).execute(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void theCliAddsAnOperatorWhoCanLogInAndMakesAndRevokesTokens() throws Exception {
        Path data = dir.resolve("control-plane");
        java.nio.file.Files.createDirectories(data);
        String d = data.toString();

        Run add = nsglobal("frank-password-1\n", "ops", "operator", "add", "frank", "--data-dir", d);
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("operator frank added");

        Run dup = nsglobal("another-password\n", "ops", "operator", "add", "frank", "--data-dir", d);
        assertThat(dup.exit()).isEqualTo(1);
        assertThat(dup.err()).contains("operator frank already exists; nothing changed");

        Run shortPw = nsglobal("short\n", "ops", "operator", "add", "gina", "--data-dir", d);
        assertThat(shortPw.exit()).isEqualTo(1);
        assertThat(shortPw.err()).contains("at least 12 characters");

        Run noDb = nsglobal("", "ops", "operator", "disable", "frank");
        assertThat(noDb.exit()).isEqualTo(2);
        assertThat(noDb.err()).contains("say which database");

        ControlPlaneConfig cfg = config(data);
        try (ControlPlane plane = ControlPlane.start(cfg, null, (serial, zones) -> { });
             WebApp web = WebApp.serve(plane, null)) {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(web.url() + "/ops/login"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body()).results()
                    .findFirst().orElseThrow().group(1);
            HttpResponse<String> in = browser.send(HttpRequest.newBuilder(URI.create(web.url() + "/ops/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("csrf", csrf, "name", "frank",
                            "password", "frank-password-1")))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(in.statusCode()).isEqualTo(303);
            HttpResponse<String> home = browser.send(HttpRequest.newBuilder(URI.create(web.url() + "/ops")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Logged in as <strong>frank</strong>");

            // The control plane runs on the embedded database: the CLI connects to it rather than starting another.
            Run unknown = nsglobal("", "ops", "token", "create", "ci", "--operator", "nobody", "--data-dir", d);
            assertThat(unknown.exit()).isEqualTo(1);
            assertThat(unknown.err()).contains("no operator named nobody");
            Run create = nsglobal("", "ops", "token", "create", "ci", "--operator", "frank", "--data-dir", d);
            assertThat(create.exit()).as(create.err()).isZero();
            String token = create.out().trim();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(api(web, token)).isEqualTo(200);

            Run revoke = nsglobal("", "ops", "token", "revoke", "ci", "--data-dir", d);
            assertThat(revoke.exit()).as(revoke.err()).isZero();
            assertThat(api(web, token)).isEqualTo(401);
            Run again = nsglobal("", "ops", "token", "revoke", "ci", "--data-dir", d);
            assertThat(again.exit()).isEqualTo(1);
            assertThat(again.err()).contains("no active token named ci");

            Run disable = nsglobal("", "ops", "operator", "disable", "frank", "--data-dir", d);
            assertThat(disable.exit()).as(disable.err()).isZero();
            assertThat(browser.send(HttpRequest.newBuilder(URI.create(web.url() + "/ops")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(303);
            assertThat(nsglobal("", "ops", "operator", "disable", "nobody", "--data-dir", d).err())
                    .contains("no operator named nobody");
        }
    }

    private static int api(WebApp web, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(web.url()
                        + "/api/v1/ops/undelegated")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String form(Map<String, String> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    /** A control plane on loopback that sends nothing anywhere (no zones are signed up here). */
    private static ControlPlaneConfig config(Path data) throws Exception {
        return ControlPlaneConfig.parse("http: 127.0.0.1:0\n"
                + "data-dir: " + data + "\n"
                + "resolver: 127.0.0.1:9\n"
                + "smtp: {host: 127.0.0.1, port: 9, security: none, from: \"NS-Global <no-reply@nsglobal.test>\"}\n"
                + "allow-list: [127.0.0.0/8]\n"
                + "ns-names: [ns1.nsglobal.test]\n"
                + "catalog: {zone: catalog.nsglobal.test, listen: 127.0.0.1:0, tsig-key: {name: catalog-key.test, "
                + "algorithm: hmac-sha256, secret: " + java.util.Base64.getEncoder().encodeToString(
                        "test-only-catalog-key-32-bytes!!".getBytes(StandardCharsets.US_ASCII)) + "}}\n", data);
    }
}
