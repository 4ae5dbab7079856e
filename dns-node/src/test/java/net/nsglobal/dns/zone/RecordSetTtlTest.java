package net.nsglobal.dns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/** RFC 2181 §5.2: one TTL per RRset; when a zone's RRs differ, the last one read wins (as in Knot's zone loader). */
class RecordSetTtlTest {
    private static final Name ORIGIN = Name.fromConstantString("t.test.");
    private static final Name A = Name.fromConstantString("a.t.test.");

    private static Record a(long ttl, String addr) throws Exception {
        return new ARecord(A, DClass.IN, ttl, java.net.InetAddress.getByName(addr));
    }

    private static List<Long> ttlsOf(Zone z) {
        return z.records().stream().filter(r -> r.getName().equals(A)).map(Record::getTTL).toList();
    }

    private static Zone zone(Record... rrs) throws Exception {
        List<Record> all = new java.util.ArrayList<>();
        all.add(new SOARecord(ORIGIN, DClass.IN, 3600, Name.fromConstantString("ns.t.test."),
                Name.fromConstantString("hm.t.test."), 1, 3600, 600, 86400, 300));
        all.addAll(List.of(rrs));
        return Zone.compile(ORIGIN, all);
    }

    @Test
    void mixedTtlsBecomeTheLastOnes() throws Exception {
        assertThat(ttlsOf(zone(a(600, "192.0.2.10"), a(300, "192.0.2.11")))).containsOnly(300L).hasSize(2);
        assertThat(ttlsOf(zone(a(300, "192.0.2.10"), a(900, "192.0.2.11"), a(600, "192.0.2.12"))))
                .containsOnly(600L).hasSize(3);
    }

    @Test
    void uniformTtlsAreKept() throws Exception {
        assertThat(ttlsOf(zone(a(120, "192.0.2.10"), a(120, "192.0.2.11")))).containsOnly(120L).hasSize(2);
    }
}
