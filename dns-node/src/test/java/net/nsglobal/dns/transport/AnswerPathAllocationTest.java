package net.nsglobal.dns.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.nsglobal.dns.config.Identity;
import net.nsglobal.dns.query.Pipeline;
import net.nsglobal.dns.query.QueryContext;
import net.nsglobal.dns.query.Transport;
import net.nsglobal.dns.zone.ZoneFileLoader;
import net.nsglobal.dns.zone.ZoneStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Once an answer is cached, answering it over UDP allocates nothing: no garbage at a steady load means no young
 * collections and so no collector pauses in the latency tail. Measured with the JVM's per-thread allocation counter
 * over every kind of answer the fast path gives (positive, CNAME chain, wildcard, referral, NXDOMAIN, NODATA; with
 * and without EDNS, DO and NSID).
 */
@Timeout(60)
class AnswerPathAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void cachedAnswersOverUdpAllocateNothing() throws Exception {
        ZoneStore store = new ZoneStore();
        Name origin = Name.fromConstantString("plain.test.");
        store.put(ZoneFileLoader.load(origin, resource("/net/nsglobal/dns/query/plain.test.zone")));
        Pipeline pipeline = Pipeline.standard(store, Identity.of("alloc"), null, null);
        QueryHandler.Worker worker = new QueryHandler(pipeline, new QueryMetrics(new SimpleMeterRegistry())).newWorker();
        InetSocketAddress client = new InetSocketAddress("192.0.2.99", 5353);
        java.util.function.Supplier<InetSocketAddress> source = () -> client;  // made once, as a transport does

        List<byte[]> queries = new ArrayList<>();
        String[][] questions = {
                {"www.plain.test.", "A"}, {"ns1.plain.test.", "AAAA"}, {"mx.plain.test.", "MX"},
                {"cn2.plain.test.", "A"}, {"x.wild.plain.test.", "A"}, {"a.sub.plain.test.", "A"},
                {"nothere.plain.test.", "A"}, {"www.plain.test.", "TXT"}, {"WwW.PLAIN.test.", "A"},
                {"plain.test.", "SOA"}, {"big.plain.test.", "TXT"}};
        for (String[] q : questions) {
            for (int shape = 0; shape < 4; shape++) queries.add(query(q[0], Type.value(q[1]), shape));
        }
        byte[] wire = new byte[65535];
        int[] rcodes = new int[queries.size()];
        // warm-up: fills the answer cache and lets the JIT compile the path
        for (int round = 0; round < 20_000; round++) {
            for (int i = 0; i < queries.size(); i++) {
                byte[] q = queries.get(i);
                System.arraycopy(q, 0, wire, 0, q.length);
                QueryContext ctx = worker.handle(wire, q.length, Transport.UDP, source);
                rcodes[i] = ctx.rcode();
            }
        }
        assertThat(rcodes).contains(Rcode.NOERROR, Rcode.NXDOMAIN);

        long before = THREADS.getCurrentThreadAllocatedBytes();
        int answered = 0;
        for (int round = 0; round < 1000; round++) {
            for (int i = 0; i < queries.size(); i++) {  // indexed: an iterator per round would be counted
                byte[] q = queries.get(i);
                System.arraycopy(q, 0, wire, 0, q.length);
                QueryContext ctx = worker.handle(wire, q.length, Transport.UDP, source);
                if (ctx != null && ctx.responseLength() > 12) answered++;
            }
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

        assertThat(answered).isEqualTo(1000 * queries.size());
        // a few hundred bytes of slack for the counter's own bookkeeping; one object per query would be ≥ 700 KB
        assertThat(allocated).as("bytes allocated answering %d cached queries", answered).isLessThan(1024);
    }

    /** shape: bit 0 = EDNS with DO, bit 1 = EDNS with NSID; 0 = no EDNS. */
    private static byte[] query(String name, int type, int shape) {
        Message m = Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN));
        m.getHeader().setID(0x1234 + shape);
        if (shape != 0) {
            org.xbill.DNS.EDNSOption[] opts = (shape & 2) != 0
                    ? new org.xbill.DNS.EDNSOption[] {new org.xbill.DNS.GenericEDNSOption(org.xbill.DNS.EDNSOption.Code.NSID, new byte[0])}
                    : new org.xbill.DNS.EDNSOption[0];
            m.addRecord(new OPTRecord(1232, 0, 0, (shape & 1) != 0 ? Flags.DO : 0, opts), Section.ADDITIONAL);
        }
        return m.toWire();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(AnswerPathAllocationTest.class.getResource(name).toURI());
    }
}
