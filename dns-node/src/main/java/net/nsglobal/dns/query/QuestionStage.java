package net.nsglobal.dns.query;

import net.nsglobal.dns.wire.ParsedQuery;
import org.xbill.DNS.Rcode;

/**
 * Question and EDNS checks: exactly one question (RFC 9619), at most one OPT (RFC 6891 §6.1.1, FORMERR), EDNS
 * version 0 only (RFC 6891 §6.1.3, BADVERS). Unknown EDNS options are ignored (RFC 6891 §6.1.2).
 */
final class QuestionStage implements Stage {
    private final ServerIdentity identity;

    QuestionStage(ServerIdentity identity) {
        this.identity = identity;
    }

    @Override
    public Verdict process(QueryContext ctx) {
        ParsedQuery q = ctx.parsed();
        if (q.qdcount != 1 || q.optCount > 1) {
            return ctx.respond(ResponseWriter.empty(ctx.wire(), q, Rcode.FORMERR, q.qdcount == 1, false, identity),
                    Rcode.FORMERR);
        }
        if (q.edns && q.ednsVersion > 0) {
            return ctx.respond(ResponseWriter.empty(ctx.wire(), q, Rcode.BADVERS, true, true, identity), Rcode.BADVERS);
        }
        if (q.qtype == 0) { // reserved type (RFC 6895 §3.1); Knot answers NOTIMP
            return ctx.respond(ResponseWriter.empty(ctx.wire(), q, Rcode.NOTIMP, true, true, identity), Rcode.NOTIMP);
        }
        return Verdict.CONTINUE;
    }
}
