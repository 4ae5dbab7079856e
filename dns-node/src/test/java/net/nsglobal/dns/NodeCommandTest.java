package net.nsglobal.dns;

import static net.nsglobal.dns.transport.DnsProbe.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;
import picocli.CommandLine;

/** {@code nsglobal node} as a real process: both forms, SIGTERM ends it cleanly with status 0, bad config → 2. */
class NodeCommandTest {
    private static final Pattern DIG = Pattern.compile("dig @(\\S+) -p (\\d+) ");

    /** The command as the launcher runs it. */
    public static final class Main {
        public static void main(String[] args) {
            System.exit(new CommandLine(new NodeCommand()).execute(args));
        }
    }

    @TempDir Path dir;

    @Test
    void quickFormServesUntilSigterm() throws Exception {
        Path zone = writeZone(dir.resolve("c.zone"), "c.example", 21);
        runServeAndTerminate(false, "--listen", "127.0.0.1:0", "--zone", "c.example.=" + zone, "--nsid", "cmd1",
                "--http", "127.0.0.1:0");
    }

    @Test
    void configFormServesUntilSigterm() throws Exception {
        writeZone(dir.resolve("c.zone"), "c.example", 21);
        Path cfg = dir.resolve("node.yaml");
        Files.writeString(cfg, """
                server: { listen: 127.0.0.1:0, reload-interval: 0 }
                identity: { nsid: cmd2 }
                zones: [ { name: c.example, file: c.zone } ]
                """);
        runServeAndTerminate(true, "--config", cfg.toString());
    }

    @Test
    void badConfigExitsWithStatus2NamingTheKey() throws Exception {
        Path cfg = dir.resolve("node.yaml");
        Files.writeString(cfg, "server: { listen: 127.0.0.1:0, tcp-idle-timeout: soon }\n");
        Process p = spawn("--config", cfg.toString());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("stderr.log"))).contains("server.tcp-idle-timeout");
    }

    /** Starts the command, queries it, optionally reloads by SIGHUP, then SIGTERMs it. */
    private void runServeAndTerminate(boolean sighup, String... args) throws Exception {
        Process p = spawn(args);
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) lines.add(line);
            } catch (IOException e) {
                lines.add("(stdout: " + e + ")");
            }
        });
        reader.start();
        try {
            InetSocketAddress[] found = {null};
            Wait.holds(Duration.ofSeconds(60), () -> {
                for (String line : List.copyOf(lines)) {
                    Matcher m = DIG.matcher(line);
                    if (m.find()) found[0] = new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
                }
                return found[0] != null || !p.isAlive();
            });
            InetSocketAddress server = found[0];
            assertThat(server).as("banner with a dig line, got %s", lines).isNotNull();
            assertThat(soaSerial(udp(server, query("c.example", Type.SOA)))).isEqualTo(21);
            assertThat(soaSerial(tcp(server, query("c.example", Type.SOA)))).isEqualTo(21);

            if (sighup) {   // no polling configured: only the signal can make it re-read the file
                writeZone(dir.resolve("c.zone"), "c.example", 22);
                Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(p.pid())).inheritIO().start();
                assertThat(kill.waitFor()).isZero();
                long serial = Wait.until("the node serves c.example serial 22 after SIGHUP", Duration.ofSeconds(30),
                        () -> soaSerial(udp(server, query("c.example", Type.SOA))), s -> s == 22);
                assertThat(serial).as("serial after SIGHUP").isEqualTo(22);
            }
            p.toHandle().destroy();   // SIGTERM (Process.destroy would also close our end of stdout)
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
            assertThat(p.exitValue()).isZero();
            reader.join(10_000);
            assertThat(lines).contains("dns-node stopped");
        } finally {
            p.destroyForcibly();
        }
    }

    private Process spawn(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(dir.resolve("stderr.log").toFile()).start();
    }
}
