package net.nsglobal.dns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.nsglobal.dns.wire.ParsedQuery;
import net.nsglobal.dns.wire.QueryParser;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

class ZoneStoreTest {
    static Zone zone(String origin, long serial) throws Exception {
        Name o = Name.fromConstantString(origin);
        Record soa = new SOARecord(o, DClass.IN, 3600, Name.fromConstantString("ns." + origin),
                Name.fromConstantString("h." + origin), serial, 2, 3, 4, 5);
        Record a = new ARecord(Name.fromConstantString("www." + origin), DClass.IN, 3600,
                java.net.InetAddress.getByName("192.0.2.1"));
        return Zone.compile(o, List.of(soa, a));
    }

    private static ParsedQuery parse(String name) {
        byte[] w = Message.newQuery(Record.newRecord(Name.fromConstantString(name), Type.A, DClass.IN)).toWire();
        ParsedQuery q = new ParsedQuery();
        QueryParser.parse(w, w.length, q);
        return q;
    }

    @Test
    void longestMatchByNameAndByWireBytes() throws Exception {
        ZoneStore s = new ZoneStore();
        s.put(zone("example.com.", 1));
        s.put(zone("sub.example.com.", 1));
        NameKey probe = new NameKey();
        assertThat(s.find(Name.fromConstantString("a.sub.example.com.")).origin().toString()).isEqualTo("sub.example.com.");
        assertThat(s.find(parse("A.SUB.Example.COM."), probe).origin().toString()).isEqualTo("sub.example.com.");
        assertThat(s.find(parse("www.example.com."), probe).origin().toString()).isEqualTo("example.com.");
        assertThat(s.find(parse("example.org."), probe)).isNull();
        assertThat(s.find(Name.fromConstantString("example.org."))).isNull();
    }

    @Test
    void putReplacesAndRemoveForgets() throws Exception {
        ZoneStore s = new ZoneStore();
        s.put(zone("example.com.", 1));
        Zone old = s.put(zone("example.com.", 2));
        assertThat(old.serial()).isEqualTo(1);
        assertThat(s.find(parse("www.example.com."), new NameKey()).serial()).isEqualTo(2);
        s.remove(Name.fromConstantString("example.com."));
        assertThat(s.find(parse("www.example.com."), new NameKey())).isNull();
        assertThat(s.size()).isZero();
    }

    @Test
    void holdsOneHundredThousandSmallZones() throws Exception {
        ZoneStore s = new ZoneStore();
        for (int i = 0; i < 100_000; i++) s.put(zone("z" + i + ".example.", 1));
        assertThat(s.size()).isEqualTo(100_000);
        assertThat(s.find(parse("www.z99999.example."), new NameKey()).origin().toString()).isEqualTo("z99999.example.");
    }
}
