package net.nsglobal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.nsglobal.testkit.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small edge's memory is mostly class metadata, so {@code nsglobal node} in the quick form loads only what a node
 * runs: not the other subcommands' classes (traffic engine, Atlas, control plane), not logback's XML configurator
 * nor the JDK's XML parser, not the YAML reader (no YAML file is read), not logback's PatternLayout table, not a
 * SecureRandom (temporary names).
 */
class NodeClassDietTest {
    @TempDir Path dir;
    private Process p;

    @AfterEach
    void stopNode() {
        if (p != null) p.destroyForcibly();   // also after a timeout, when the test's thread was left blocked
    }

    /** Package (or class) prefixes a quick-form node must not load. */
    private static final List<String> NOT_FOR_A_NODE = List.of(
            "net.nsglobal.te.", "net.nsglobal.atlas.", "net.nsglobal.control.", "net.nsglobal.dashboard.",
            "ch.qos.logback.classic.joran.", "ch.qos.logback.core.joran.action.", "ch.qos.logback.core.model.",
            "javax.xml.parsers.", "com.sun.org.apache.xerces.",
            "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.dataformat.yaml.", "org.yaml.",
            "ch.qos.logback.classic.PatternLayout", "java.security.SecureRandom", "sun.security.provider.");

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)   // a blocked readLine ignores interrupts
    void aQuickFormNodeLoadsNoClassesItDoesNotRun() throws Exception {
        Path zone = dir.resolve("example.com.zone");
        Files.writeString(zone, """
                $ORIGIN example.com.
                $TTL 3600
                @ IN SOA ns1 hostmaster 1 3600 900 1209600 300
                  IN NS ns1
                ns1 IN A 192.0.2.1
                """);
        Path classLog = dir.resolve("class-load.txt");
        int port = FreePorts.tcpUdp();
        p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Xshare:off", "-Xlog:class+load=info:file=" + classLog,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "node", "--listen", "127.0.0.1:" + port, "--zone", "example.com.=" + zone, "--nsid", "diet")
                .redirectError(dir.resolve("stderr.log").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("dns-node ("));
            assertThat(line).as("banner of a started node; stderr: %s", Files.readString(dir.resolve("stderr.log")))
                    .startsWith("dns-node (standalone) serving 1 zone(s)");
            p.toHandle().destroy();   // SIGTERM: a clean stop
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
        }
        List<String> loaded = Files.readAllLines(classLog).stream()
                .filter(l -> l.contains("[class,load]"))
                .map(l -> l.substring(l.indexOf("[class,load]") + "[class,load]".length()).trim().split(" ")[0])
                .toList();
        assertThat(loaded).as("classes loaded").contains("net.nsglobal.dns.NodeCommand", "net.nsglobal.cli.Main");
        assertThat(loaded).as("classes a quick-form node does not run")
                .filteredOn(c -> NOT_FOR_A_NODE.stream().anyMatch(c::startsWith))
                .isEmpty();
        assertThat(Files.readString(dir.resolve("stderr.log"))).as("the node logs its start as before")
                .containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ INFO  Node component=node event=started");
    }
}
