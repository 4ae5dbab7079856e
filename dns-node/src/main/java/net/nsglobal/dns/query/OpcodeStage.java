package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;

/** QUERY goes on; NOTIFY (RFC 1996) goes to the notify handler if there is one; anything else is NOTIMP. */
final class OpcodeStage implements Stage {
    private final Stage notifyStage;
    private final Identity identity;

    OpcodeStage(Stage notifyStage, Identity identity) {
        this.notifyStage = notifyStage;
        this.identity = identity;
    }

    @Override
    public Verdict process(QueryContext ctx) {
        int opcode = ctx.opcode();
        if (opcode == Opcode.QUERY) return Verdict.CONTINUE;
        if (opcode == Opcode.NOTIFY && notifyStage != null) {
            Verdict v = notifyStage.process(ctx);
            if (v != Verdict.CONTINUE) return v;
        }
        return ctx.respond(ResponseWriter.empty(ctx.wire(), ctx.parsed(), Rcode.NOTIMP, true, true, identity),
                Rcode.NOTIMP);
    }
}
