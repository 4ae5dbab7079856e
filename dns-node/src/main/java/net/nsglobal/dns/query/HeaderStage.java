package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import net.nsglobal.dns.wire.ParsedQuery;
import net.nsglobal.dns.wire.QueryParser;
import org.xbill.DNS.Rcode;

/**
 * Parses the request by hand and applies header sanity: no reply to anything shorter than a header or with QR=1
 * (RFC 1035 §4.1.1 — answering responses invites loops), FORMERR for malformed messages whose header can be echoed.
 */
final class HeaderStage implements Stage {
    private final Identity identity;

    HeaderStage(Identity identity) {
        this.identity = identity;
    }

    @Override
    public Verdict process(QueryContext ctx) {
        ParsedQuery q = ctx.parsed();
        QueryParser.parse(ctx.wire(), ctx.length(), q);
        if (q.status == ParsedQuery.Status.SHORT || q.qr()) return Verdict.DROP;
        if (q.status != ParsedQuery.Status.OK) {
            return ctx.respond(ResponseWriter.empty(ctx.wire(), q, Rcode.FORMERR, true, false, identity), Rcode.FORMERR);
        }
        return Verdict.CONTINUE;
    }
}
