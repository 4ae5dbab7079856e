package net.nsglobal.dns.xfrout;

import java.io.IOException;
import java.util.List;
import net.nsglobal.dns.config.TransferAcl;
import net.nsglobal.dns.query.QueryContext;
import net.nsglobal.dns.query.Stage;
import net.nsglobal.dns.query.Transport;
import net.nsglobal.dns.query.Verdict;
import net.nsglobal.dns.tsig.Keyring;
import net.nsglobal.dns.xfrin.Diff;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Serial;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * Zone transfers out (RFC 5936 AXFR, RFC 1995 IXFR) to edges: allowed only from the transfer ACL's addresses AND,
 * when the ACL names a key, with a valid TSIG of that key (RFC 8945); everyone else gets REFUSED (NOTAUTH for a bad
 * signature, RFC 8945 §5.2). IXFR is served from the {@link Journal}, or as a whole zone when the history does not
 * reach the edge's serial (RFC 1995 §4). IXFR over UDP gets the lone SOA, meaning "use TCP" (RFC 1995 §2).
 */
public final class XfrOutStage implements Stage {
    private static final Logger log = LoggerFactory.getLogger("replication.xfrout");
    private final ZoneStore store;
    private final Journal journal;
    private final TransferAcl acl;
    private final Keyring keys;

    public XfrOutStage(ZoneStore store, Journal journal, TransferAcl acl, Keyring keys) {
        this.store = store;
        this.journal = journal;
        this.acl = acl;
        this.keys = keys;
    }

    @Override
    public Verdict process(QueryContext ctx) {
        Message req = ctx.message();
        if (req == null || req.getHeader().getOpcode() != Opcode.QUERY || req.getQuestion() == null) {
            return Verdict.CONTINUE;
        }
        int qtype = req.getQuestion().getType();
        boolean signedSoa = qtype == Type.SOA && Keyring.tsigOf(req) != null;
        if (qtype != Type.AXFR && qtype != Type.IXFR && !signedSoa) return Verdict.CONTINUE;
        Keyring.Verification v = keys.verify(req, java.util.Arrays.copyOf(ctx.wire(), ctx.length()));
        TSIG signer = v.valid() ? v.key().toTsig() : null;
        if (signedSoa) return refreshSoa(ctx, req, v, signer);
        if (v.signed() && !v.valid()) {
            log.warn("{} of {} from {} refused: TSIG {}", Type.string(qtype), req.getQuestion().getName(),
                    ctx.remote(), Rcode.TSIGstring(v.error()));
            return tsigError(ctx, req, v);
        }
        boolean addressOk = acl != null && acl.allows(ctx.remote().getAddress());
        boolean keyOk = acl != null && v.satisfies(acl.tsigKey());
        if (!addressOk || !keyOk) {
            log.info("{} of {} from {} refused by transfer-acl", Type.string(qtype), req.getQuestion().getName(),
                    ctx.remote());
            return error(ctx, req, Rcode.REFUSED, signer);
        }
        Zone zone = store.get(req.getQuestion().getName());
        if (zone == null) return error(ctx, req, Rcode.NOTAUTH, signer); // RFC 5936 §2.2.1: not authoritative
        if (zone.expired()) return error(ctx, req, Rcode.SERVFAIL, signer);
        if (ctx.transport() == Transport.UDP || ctx.stream() == null) {
            if (qtype == Type.AXFR) return error(ctx, req, Rcode.REFUSED, signer); // RFC 5936 §4.2: TCP only
            return soaOnly(ctx, req, zone.soa(), signer);
        }
        try {
            MessageWriter w = new MessageWriter(ctx.stream(), req, signer);
            long clientSerial = qtype == Type.IXFR ? ixfrSerial(req) : -1;
            if (clientSerial >= 0 && Serial.compare(clientSerial, zone.serial()) >= 0) {
                w.add(zone.soa()); // up to date: the single current SOA (RFC 1995 §4)
            } else {
                List<Diff> chain = clientSerial >= 0 ? journal.since(zone.origin(), clientSerial, zone.serial()) : null;
                if (chain != null) writeIxfr(w, zone.soa(), chain);
                else writeAxfr(w, zone);
            }
            w.flush();
            return ctx.streamed(Rcode.NOERROR);
        } catch (IOException e) {
            log.info("{} of {} to {} aborted: {}", Type.string(qtype), zone.origin(), ctx.remote(), e.toString());
            return ctx.streamed(Rcode.NOERROR);
        }
    }

    /**
     * A TSIG-signed SOA query: a secondary (e.g. a BIND edge) checking the serial before it transfers (RFC 1035
     * §4.3.5). The answer must carry a TSIG too (RFC 8945 §5.3), so it is answered here rather than by the engine.
     */
    private Verdict refreshSoa(QueryContext ctx, Message req, Keyring.Verification v, TSIG signer) {
        if (!v.valid()) return tsigError(ctx, req, v);
        Zone zone = store.get(req.getQuestion().getName());
        if (zone == null) return error(ctx, req, Rcode.NOTAUTH, signer);
        if (zone.expired()) return error(ctx, req, Rcode.SERVFAIL, signer);
        return soaOnly(ctx, req, zone.soa(), signer);
    }

    private static long ixfrSerial(Message req) {
        for (Record r : req.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord soa) return soa.getSerial();
        }
        return -1; // RFC 1995 §3 requires it; without it we answer with the whole zone
    }

    private static void writeAxfr(MessageWriter w, Zone zone) throws IOException {
        SOARecord soa = zone.soa();
        w.add(soa);
        for (Record r : zone.eachRecord()) if (r != soa) w.add(r);   // node by node, not the whole zone at once
        w.add(soa);
    }

    private static void writeIxfr(MessageWriter w, SOARecord current, List<Diff> chain) throws IOException {
        w.add(current);
        for (Diff d : chain) {
            w.add(d.from());
            for (Record r : d.deleted()) w.add(r);
            w.add(d.to());
            for (Record r : d.added()) w.add(r);
        }
        w.add(current);
    }

    private static Verdict soaOnly(QueryContext ctx, Message req, SOARecord soa, TSIG signer) {
        Message m = reply(req, Rcode.NOERROR);
        m.addRecord(soa, Section.ANSWER);
        if (signer != null) signer.apply(m, Keyring.tsigOf(req));
        return ctx.respond(m.toWire(), Rcode.NOERROR);
    }

    private static Verdict error(QueryContext ctx, Message req, int rcode, TSIG signer) {
        Message m = reply(req, rcode);
        if (signer != null) signer.apply(m, Keyring.tsigOf(req));
        return ctx.respond(m.toWire(), rcode);
    }

    private static Verdict tsigError(QueryContext ctx, Message req, Keyring.Verification v) {
        Message m = reply(req, Rcode.NOTAUTH);
        Keyring.applyError(m, v);
        return ctx.respond(m.toWire(), Rcode.NOTAUTH);
    }

    static Message reply(Message req, int rcode) {
        Message m = new Message(req.getHeader().getID());
        m.getHeader().setFlag(Flags.QR);
        m.getHeader().setOpcode(req.getHeader().getOpcode());
        if (rcode == Rcode.NOERROR) m.getHeader().setFlag(Flags.AA);
        m.getHeader().setRcode(rcode);
        if (req.getQuestion() != null) m.addRecord(req.getQuestion(), Section.QUESTION);
        return m;
    }
}
