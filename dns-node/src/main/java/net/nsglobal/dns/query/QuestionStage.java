package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import net.nsglobal.dns.wire.ParsedQuery;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Question and EDNS checks: exactly one question (RFC 9619), at most one OPT (RFC 6891 §6.1.1, FORMERR), EDNS
 * version 0 only (RFC 6891 §6.1.3, BADVERS). Unknown EDNS options are ignored (RFC 6891 §6.1.2).
 *
 * <p>A QUERY carries no answer and no authority records (RFC 1035 §4.1: they hold the answer and the referral), save
 * the SOA of an IXFR request in the authority section (RFC 1995 §3): anything else there is FORMERR, as NSD answers
 * (Knot 3.2 and BIND 9.18 ignore such records and answer). Only QUERY reaches this stage: NOTIFY, whose SOA rides in
 * the answer section (RFC 1996 §3.7), is handled or refused by the opcode stage before.
 */
final class QuestionStage implements Stage {
    private final Identity identity;

    QuestionStage(Identity identity) {
        this.identity = identity;
    }

    @Override
    public Verdict process(QueryContext ctx) {
        ParsedQuery q = ctx.parsed();
        if (q.qdcount != 1 || q.optCount > 1) {
            return ctx.respond(ResponseWriter.empty(ctx.wire(), q, Rcode.FORMERR, q.qdcount == 1, false, identity),
                    Rcode.FORMERR);
        }
        if (q.ancount > 0 || (q.nscount > 0 && q.qtype != Type.IXFR)) {
            return ctx.respond(ResponseWriter.empty(ctx.wire(), q, Rcode.FORMERR, true, true, identity), Rcode.FORMERR);
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
