package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * CHAOS class identity queries (RFC 4892): TXT hostname.bind and id.server answer the site identity,
 * version.bind and version.server the configured version; anything else in CHAOS, or an unset value, is REFUSED.
 * Like Knot: AA=0, TTL 0.
 */
final class ChaosStage implements Stage {
    private static final Name HOSTNAME_BIND = Name.fromConstantString("hostname.bind.");
    private static final Name ID_SERVER = Name.fromConstantString("id.server.");
    private static final Name VERSION_BIND = Name.fromConstantString("version.bind.");
    private static final Name VERSION_SERVER = Name.fromConstantString("version.server.");

    private final Identity identity;

    ChaosStage(Identity identity) {
        this.identity = identity;
    }

    @Override
    public Verdict process(QueryContext ctx) {
        if (ctx.qclass() != DClass.CH) return Verdict.CONTINUE;
        Name qname = ctx.qname();
        String text = null;
        if (ctx.qtype() == Type.TXT && qname != null) {
            if (qname.equals(HOSTNAME_BIND) || qname.equals(ID_SERVER)) text = identity.hostname();
            else if (qname.equals(VERSION_BIND) || qname.equals(VERSION_SERVER)) text = identity.version();
        }
        if (text == null) {
            return ctx.respond(ResponseWriter.empty(ctx.wire(), ctx.parsed(), Rcode.REFUSED, true, true, identity),
                    Rcode.REFUSED);
        }
        Answer a = new Answer();
        a.authoritative = false;
        a.rcode = Rcode.NOERROR;
        List<Record> u = new ArrayList<>(1);
        u.add(new TXTRecord(qname, DClass.CH, 0, text));
        a.answer.add(u, null);
        byte[] out = ResponseWriter.encode(ctx.parsed(), qname, a,
                ResponseWriter.sizeLimit(ctx.parsed(), ctx.transport()), identity);
        return ctx.respond(out, Rcode.NOERROR);
    }
}
