package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Zone transfer requests. AXFR is TCP-only (RFC 5936 §4.2): over UDP it is NOTIMP, as Knot answers. Otherwise
 * AXFR/IXFR go to the transfer-out handler; without one they are REFUSED.
 *
 * <p>A TSIG-signed SOA query is a secondary checking the serial before it transfers (RFC 1034 §4.3.5); its answer
 * must be signed with the same key (RFC 8945 §5.3), which only the transfer-out handler can do, so it goes there
 * too. Only SOA queries carrying an additional record besides OPT are looked at, keeping the hot path untouched.
 */
final class TransferStage implements Stage {
    private final Stage xfrOutStage;
    private final Identity identity;

    TransferStage(Stage xfrOutStage, Identity identity) {
        this.xfrOutStage = xfrOutStage;
        this.identity = identity;
    }

    @Override
    public Verdict process(QueryContext ctx) {
        int qtype = ctx.qtype();
        if (qtype == Type.SOA) return signedSoa(ctx);
        if (qtype != Type.AXFR && qtype != Type.IXFR) return Verdict.CONTINUE;
        if (qtype == Type.AXFR && ctx.transport() == Transport.UDP) {
            return refuse(ctx, Rcode.NOTIMP);
        }
        if (xfrOutStage != null) {
            Verdict v = xfrOutStage.process(ctx);
            if (v != Verdict.CONTINUE) return v;
        }
        return refuse(ctx, Rcode.REFUSED);
    }

    private Verdict signedSoa(QueryContext ctx) {
        if (xfrOutStage == null || ctx.parsed().arcount <= ctx.parsed().optCount) return Verdict.CONTINUE;
        org.xbill.DNS.Message m = ctx.message();
        if (m == null || net.nsglobal.dns.tsig.Keyring.tsigOf(m) == null) return Verdict.CONTINUE;
        return xfrOutStage.process(ctx);
    }

    private Verdict refuse(QueryContext ctx, int rcode) {
        return ctx.respond(ResponseWriter.empty(ctx.wire(), ctx.parsed(), rcode, true, true, identity), rcode);
    }
}
