package net.nsglobal.atlas.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.nsglobal.testkit.Knot;
import net.nsglobal.testkit.KnotConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSIDOption;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The NSID case on a real server: knotd answers CHAOS TXT hostname.bind with its identity and, when asked
 * (RFC 5001 §2.1), puts its NSID in the OPT record. The wire answer goes into an Atlas-shaped result's {@code abuf}
 * exactly as a probe would record it, and the parser must name the site from the NSID, not the TXT.
 */
@Timeout(60)
class NsidFromKnotTest {
    @TempDir
    Path dir;
    private Knot knot;
    private int port;

    @BeforeEach
    void startKnot() {
        knot = Knot.start(dir, new KnotConfig().logLevel("warning")
                .server("identity: ns1.fra1.example").server("nsid: fra1"));
        port = knot.port();
    }

    @AfterEach
    void stopKnot() {
        if (knot != null) knot.close();
    }

    private Message ask(boolean withNsid) throws Exception {
        Message q = Message.newQuery(Record.newRecord(Name.fromString("hostname.bind."), Type.TXT, DClass.CH));
        if (withNsid) {
            q.addRecord(new OPTRecord(1232, 0, 0, 0, List.of(new NSIDOption(new byte[0]))), Section.ADDITIONAL);
        }
        SimpleResolver r = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        r.setTimeout(Duration.ofMillis(500));
        IOException last = null;
        for (int i = 0; i < 40; i++) { // knotd needs a moment to bind
            try {
                return r.send(q);
            } catch (IOException e) {
                last = e;
                if (!knot.isAlive()) {
                    throw new AssertionError("knotd exited: " + knot.logText(), e);
                }
            }
        }
        throw new AssertionError("knotd did not answer on port " + port, last);
    }

    /** An Atlas DNS result (fw 5020 shape) carrying the captured wire answer. */
    private static String atlasResult(Message answer, int probe) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("fw", 5020).put("msm_id", 99000001).put("prb_id", probe).put("timestamp", 1700000000)
                .put("type", "dns").put("af", 4).put("dst_addr", "192.0.2.53").put("from", "198.51.100.7")
                .put("proto", "UDP");
        byte[] wire = answer.toWire();
        o.putObject("result").put("rt", 12.5).put("size", wire.length)
                .put("abuf", Base64.getEncoder().encodeToString(wire)).put("ID", answer.getHeader().getID())
                .put("ANCOUNT", answer.getSection(Section.ANSWER).size());
        return o.toString();
    }

    @Test
    void siteComesFromNsidWhenTheServerSendsIt() throws Exception {
        String json = "[" + atlasResult(ask(true), 1) + "," + atlasResult(ask(false), 2) + "]";
        List<MeasurementResult> out = new ArrayList<>();
        ParseStats s = new ResultStreamParser().parse(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out::add);
        assertThat(s.parsed()).isEqualTo(2);

        DnsResponse withNsid = ((DnsResult) out.get(0)).firstAnswer().orElseThrow();
        assertThat(withNsid.rcodeName()).isEqualTo("NOERROR");
        assertThat(withNsid.nsid()).isEqualTo("fra1");
        assertThat(withNsid.txt()).containsExactly("ns1.fra1.example");
        assertThat(withNsid.site()).isEqualTo(new SiteIdentity("fra1", SiteIdentity.Source.NSID));
        assertThat(withNsid.rttMs()).isEqualTo(12.5);

        DnsResponse withoutNsid = ((DnsResult) out.get(1)).firstAnswer().orElseThrow();
        assertThat(withoutNsid.nsid()).isNull();
        assertThat(withoutNsid.site()).isEqualTo(new SiteIdentity("ns1.fra1.example", SiteIdentity.Source.TXT));
    }

    @Test
    void binaryNsidIsShownAsHex() {
        Message m = new Message();
        m.addRecord(new OPTRecord(1232, 0, 0, 0, List.of(new NSIDOption(new byte[] {0, 1, (byte) 0xfe}))),
                Section.ADDITIONAL);
        DecodedAnswer a = AbufDecoder.decode(Base64.getEncoder().encodeToString(m.toWire()));
        assertThat(a.nsid()).isEqualTo("0001fe");
    }
}
