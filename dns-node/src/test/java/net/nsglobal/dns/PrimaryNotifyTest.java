package net.nsglobal.dns;

import static net.nsglobal.dns.transport.DnsProbe.writeZone;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.Arrays;
import net.nsglobal.dns.config.NodeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * A node serving a zone from a file is a primary: when a reload brings a new serial it sends NOTIFY to its
 * configured targets (RFC 1996 §3.1), so secondaries (our collector, or anyone's) refresh at once.
 */
class PrimaryNotifyTest {
    @TempDir Path dir;
    private Node node;

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    @Test
    void reloadWithNewSerialNotifiesTheTargets() throws Exception {
        try (DatagramSocket secondary = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            secondary.setSoTimeout(10_000);
            startPrimary(1, secondary);

            writeZone(dir.resolve("p.zone"), "p.example", 2);
            assertThat(node.reloadZones()).isEmpty();

            Message notify = receiveNotify(secondary);
            assertThat(notify.getHeader().getOpcode()).isEqualTo(Opcode.NOTIFY);
            assertThat(notify.getQuestion().getName().toString()).isEqualTo("p.example.");
            Record soa = notify.getSection(Section.ANSWER).stream().filter(r -> r instanceof SOARecord)
                    .findFirst().orElseThrow();
            assertThat(((SOARecord) soa).getSerial()).isEqualTo(2);
        }
    }

    @Test
    void reloadWithTheSameSerialSendsNothing() throws Exception {
        try (DatagramSocket secondary = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            secondary.setSoTimeout(1_500);
            startPrimary(7, secondary);
            assertThat(node.reloadZones()).isEmpty();
            DatagramPacket p = new DatagramPacket(new byte[512], 512);
            boolean received;
            try {
                secondary.receive(p);
                received = true;
            } catch (SocketTimeoutException e) {
                received = false;
            }
            assertThat(received).as("no NOTIFY without a serial change").isFalse();
        }
    }

    /** A node serving p.example at {@code serial} from a file, with {@code secondary} as its NOTIFY target. */
    private void startPrimary(long serial, DatagramSocket secondary) throws Exception {
        writeZone(dir.resolve("p.zone"), "p.example", serial);
        node = Node.start(NodeConfig.parseYaml("""
                server: { listen: 127.0.0.1:0, reload-interval: 0 }
                zones: [ { name: p.example, file: p.zone } ]
                notify: [ 127.0.0.1:%d ]
                """.formatted(secondary.getLocalPort()), dir));
    }

    private static Message receiveNotify(DatagramSocket s) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
        s.receive(p);
        return new Message(Arrays.copyOf(p.getData(), p.getLength()));
    }
}
