package net.nsglobal.dns;

import static net.nsglobal.dns.transport.DnsProbe.*;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Type;

/** A broken zone file is rejected with file:line and the zone keeps serving its previous version. */
class NodeReloadTest {
    @TempDir Path dir;
    private Node node;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(NodeReloader.class)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(NodeReloader.class)).detachAppender(logs);
        if (node != null) node.close();
    }

    private long serial() throws Exception {
        return soaSerial(udp(node.dnsAddress(), query("r.example", Type.SOA)));
    }

    private void start(String reloadInterval) throws Exception {
        writeZone(dir.resolve("r.zone"), "r.example", 1);
        node = Node.start(NodeConfig.parseYaml("""
                server: { listen: 127.0.0.1:0, reload-interval: %s }
                zones: [ { name: r.example, file: r.zone } ]
                """.formatted(reloadInterval), dir));
        assertThat(serial()).isEqualTo(1);
    }

    @Test
    void badFileKeepsTheOldVersionAndNamesFileAndLine() throws Exception {
        start("0");
        Path file = dir.resolve("r.zone");
        writeZone(file, "r.example", 2);
        Files.writeString(file, Files.readString(file) + "oops IN A 999.1.2.3\n");   // line 8 is bad
        List<String> errors = node.reloadZones();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).contains("r.example").contains(file.getFileName() + ":8");
        assertThat(serial()).as("still serving the previous version").isEqualTo(1);
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("component=zone-loader").contains("zone=r.example.").contains(file.getFileName() + ":8"));

        writeZone(file, "r.example", 3);
        assertThat(node.reloadZones()).isEmpty();
        assertThat(serial()).isEqualTo(3);
    }

    @Test
    void changedFileIsPickedUpByThePoll() throws Exception {
        start("50ms");
        Path file = dir.resolve("r.zone");
        Files.writeString(file, "this is not a zone\n");
        bumpModifiedTime(file);
        waitFor(() -> logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("event=rejected")));
        assertThat(serial()).isEqualTo(1);
        writeZone(file, "r.example", 4);
        bumpModifiedTime(file);
        waitFor(() -> serial() == 4);
        assertThat(serial()).isEqualTo(4);
    }

    @Test
    void missingFileAtStartIsReportedAndOtherZonesServe() throws Exception {
        writeZone(dir.resolve("ok.zone"), "ok.example", 5);
        node = Node.start(NodeConfig.parseYaml("""
                server: { listen: 127.0.0.1:0, reload-interval: 0 }
                zones: [ { name: gone.example, file: gone.zone }, { name: ok.example, file: ok.zone } ]
                """, dir));
        InetSocketAddress a = node.dnsAddress();
        assertThat(soaSerial(udp(a, query("ok.example", Type.SOA)))).isEqualTo(5);
        assertThat(node.zones().size()).isEqualTo(1);
        assertThat(node.reloadZones()).singleElement().asString().contains("gone.zone");
    }

    /** Coarse file systems keep mtime for a while: make the change visible to the poll. */
    private static void bumpModifiedTime(Path file) throws Exception {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000 + (long) (Math.random() * 1000)));
    }

    interface Check { boolean ok() throws Exception; }

    /** Waits for an asynchronous outcome (bounded; the assertion after it is what the test checks). */
    private static void waitFor(Check c) {
        Wait.holds(Duration.ofSeconds(30), c::ok);
    }
}
