package net.nsglobal.dns.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.nsglobal.dns.replication.TestNode;
import net.nsglobal.dns.xfrin.FakePrimary;
import net.nsglobal.dns.xfrin.HostilePrimaryTest;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/** A node killed with SIGKILL (no shutdown hook, no flush) serves its zone from disk at once when restarted. */
class KillNineTest {
    @TempDir Path dir;

    @Test
    void killedNodeServesFromDiskBeforeContactingAnyPrimary() throws Exception {
        Path data = dir.resolve("data");
        Path conf = dir.resolve("node.yaml");
        var zone = HostilePrimaryTest.zone(5, 3);
        try (FakePrimary fake = new FakePrimary(q -> FakePrimary.Script.of(FakePrimary.oneMessage(zone)))) {
            Files.writeString(conf, "secondaries:\n  - {name: victim.example, primaries: [127.0.0.1:"
                    + fake.address().getPort() + "]}\n");
            int port = FreePorts.tcpUdp();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    NodeProcess.class.getName(), data.toString(), String.valueOf(port), conf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            try {
                Path wire = data.resolve("zones").resolve("victim.example.wire");
                try (DatagramSocket probe = new DatagramSocket()) {
                    Wait.until("the child serves victim.example. serial 5 from its stored copy", Duration.ofSeconds(60),
                            () -> {
                                assertThat(child.isAlive()).as(Files.readString(dir.resolve("child.log"))).isTrue();
                                return Files.exists(wire) && serial(probe, port) == 5;
                            });
                }
            } finally {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL
            }
            fake.close(); // the primary is gone too
            try (TestNode again = new TestNode(data, FreePorts.tcpUdp(), Files.readString(conf))) {
                assertThat(again.serial("victim.example.")).isEqualTo(5);
                assertThat(again.store.get(Name.fromConstantString("victim.example.")).expired()).isFalse();
            }
        }
    }

    static long serial(DatagramSocket s, int port) {
        try {
            s.setSoTimeout(500);
            org.xbill.DNS.Message q = org.xbill.DNS.Message.newQuery(org.xbill.DNS.Record.newRecord(
                    Name.fromConstantString("victim.example."), org.xbill.DNS.Type.SOA, org.xbill.DNS.DClass.IN));
            byte[] w = q.toWire();
            s.send(new java.net.DatagramPacket(w, w.length, new java.net.InetSocketAddress("127.0.0.1", port)));
            byte[] buf = new byte[1500];
            java.net.DatagramPacket p = new java.net.DatagramPacket(buf, buf.length);
            s.receive(p);
            org.xbill.DNS.Message r = new org.xbill.DNS.Message(java.util.Arrays.copyOf(buf, p.getLength()));
            for (org.xbill.DNS.Record rec : r.getSection(1)) {
                if (rec instanceof org.xbill.DNS.SOARecord soa) return soa.getSerial();
            }
            return -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }

}
