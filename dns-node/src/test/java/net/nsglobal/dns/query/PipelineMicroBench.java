package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.nsglobal.dns.wire.ParsedQuery;
import net.nsglobal.dns.zone.NameKey;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneStore;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Not a test: a JMH-free microbenchmark of the in-process answer path (parse, zone lookup, cached answer, patch),
 * and of compile time and heap per record. Run with
 * {@code java -cp dns-node/target/classes:dns-node/target/test-classes:<dnsjava> net.nsglobal.dns.query.PipelineMicroBench [records]}.
 */
public final class PipelineMicroBench {
    private PipelineMicroBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Name origin = Name.fromConstantString("bench.test.");
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long base = rt.totalMemory() - rt.freeMemory();
        List<Record> rs = new ArrayList<>(n + 2);
        rs.add(new SOARecord(origin, DClass.IN, 3600, Name.fromConstantString("ns.bench.test."),
                Name.fromConstantString("h.bench.test."), 1, 7200, 3600, 1209600, 300));
        rs.add(new NSRecord(origin, DClass.IN, 3600, Name.fromConstantString("ns.bench.test.")));
        for (int i = 0; i < n; i++) {
            rs.add(new ARecord(Name.fromConstantString("h" + i + ".bench.test."), DClass.IN, 3600,
                    InetAddress.getByAddress(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i})));
        }
        long t0 = System.nanoTime();
        Zone zone = Zone.compile(origin, rs);
        long t1 = System.nanoTime();
        rs = null;
        ZoneStore store = new ZoneStore();
        store.put(zone);
        System.gc();
        long used = rt.totalMemory() - rt.freeMemory() - base;
        System.out.printf("compile %d records: %.0f ms; heap %.1f MB (%.0f B/record)%n", n, (t1 - t0) / 1e6,
                used / 1e6, used / (double) n);
        Pipeline pipeline = Pipeline.standard(store, Identity.of("bench"), null, null);
        SplittableRandom rnd = new SplittableRandom(1);
        byte[][] queries = new byte[4096][];
        for (int i = 0; i < queries.length; i++) {
            boolean miss = rnd.nextInt(10) == 0; // 10% NXDOMAIN
            String name = miss ? "nx" + rnd.nextInt(1000) + ".bench.test." : "h" + rnd.nextInt(Math.min(n, 10_000)) + ".bench.test.";
            Message m = Message.newQuery(Record.newRecord(Name.fromConstantString(name), Type.A, DClass.IN));
            m.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
            queries[i] = m.toWire();
        }
        ParsedQuery scratch = new ParsedQuery();
        NameKey probe = new NameKey();
        byte[] out = new byte[65535];
        for (int round = 0; round < 5; round++) {
            int total = 3_000_000;
            long s = System.nanoTime();
            for (int i = 0; i < total; i++) {
                byte[] q = queries[i & (queries.length - 1)];
                pipeline.process(new QueryContext(q, q.length, Transport.UDP, null, null, scratch, probe, out));
            }
            long e = System.nanoTime();
            System.out.printf("round %d: %.0f ns/query (%.2f M queries/s on one thread)%n", round,
                    (e - s) / (double) total, total * 1e3 / (e - s));
        }
    }
}
