package net.nsglobal.dns.query;

import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Zone transfer requests. AXFR is TCP-only (RFC 5936 §4.2): over UDP it is NOTIMP, as Knot answers. Otherwise
 * AXFR/IXFR go to the transfer-out handler; without one they are REFUSED.
 */
final class TransferStage implements Stage {
    private final Stage xfrOutStage;
    private final ServerIdentity identity;

    TransferStage(Stage xfrOutStage, ServerIdentity identity) {
        this.xfrOutStage = xfrOutStage;
        this.identity = identity;
    }

    @Override
    public Verdict process(QueryContext ctx) {
        int qtype = ctx.qtype();
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

    private Verdict refuse(QueryContext ctx, int rcode) {
        return ctx.respond(ResponseWriter.empty(ctx.wire(), ctx.parsed(), rcode, true, true, identity), rcode);
    }
}
