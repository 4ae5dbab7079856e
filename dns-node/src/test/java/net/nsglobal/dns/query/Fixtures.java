package net.nsglobal.dns.query;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import net.nsglobal.dns.zone.ZoneException;
import net.nsglobal.dns.zone.ZoneFileLoader;
import net.nsglobal.dns.zone.ZoneStore;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Test zones (plain, NSEC-signed, NSEC3-signed with opt-out; signed by dnssec-signzone) and a query helper. */
final class Fixtures {
    private Fixtures() {}

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ZoneStore store() {
        ZoneStore store = new ZoneStore();
        try {
            store.put(ZoneFileLoader.load(Name.fromConstantString("plain.test."), resource("plain.test.zone")));
            store.put(ZoneFileLoader.load(Name.fromConstantString("n.test."), resource("n.test.signed")));
            store.put(ZoneFileLoader.load(Name.fromConstantString("n3.test."), resource("n3.test.signed")));
        } catch (ZoneException e) {
            throw new IllegalStateException(e);
        }
        return store;
    }

    /** Builds query bytes: EDNS with payload {@code payload} unless it is 0, DO if asked, NSID if asked. */
    static byte[] query(String name, int type, int dclass, int payload, boolean dnssecOk, boolean nsid) {
        Message q = Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, dclass));
        q.getHeader().setID(4242);
        if (payload > 0) {
            EDNSOption[] opts = nsid ? new EDNSOption[] {new GenericEDNSOption(EDNSOption.Code.NSID, new byte[0])}
                    : new EDNSOption[0];
            q.addRecord(new OPTRecord(payload, 0, 0, dnssecOk ? Flags.DO : 0, opts), Section.ADDITIONAL);
        }
        return q.toWire();
    }

    static byte[] query(String name, int type) {
        return query(name, type, DClass.IN, 1232, false, false);
    }

    /** Runs raw bytes through the pipeline; null when it decided not to answer. */
    static Message run(Pipeline p, byte[] wire, Transport t) {
        QueryContext ctx = new QueryContext(wire, wire.length, t, null, null);
        Verdict v = p.process(ctx);
        if (v == Verdict.DROP) return null;
        try {
            return new Message(Arrays.copyOf(ctx.response(), ctx.responseLength()));
        } catch (java.io.IOException e) {
            throw new AssertionError("response does not parse", e);
        }
    }

    static byte[] raw(Pipeline p, byte[] wire, Transport t) {
        QueryContext ctx = new QueryContext(wire, wire.length, t, null, null);
        Verdict v = p.process(ctx);
        return v == Verdict.DROP ? null : Arrays.copyOf(ctx.response(), ctx.responseLength());
    }
}
