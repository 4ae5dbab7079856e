package net.nsglobal.dns.transport;

import net.nsglobal.dns.query.QueryContext;
import net.nsglobal.dns.query.Stage;
import net.nsglobal.dns.query.Verdict;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;

/**
 * A stand-in answering stage for transport tests, independent of the query engine: answers every parseable query
 * with one TXT record naming the transport; drops responses (QR=1) and what does not parse.
 */
final class EchoStage implements Stage {
    @Override
    public Verdict process(QueryContext ctx) {
        Message q = ctx.message();
        if (q == null || q.getHeader().getFlag(Flags.QR) || q.getQuestion() == null) return Verdict.DROP;
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.AA);
        r.addRecord(q.getQuestion(), Section.QUESTION);
        r.addRecord(new TXTRecord(q.getQuestion().getName(), q.getQuestion().getDClass(), 60, ctx.transport().label()),
                Section.ANSWER);
        if (q.getQuestion().getName().toString().startsWith("big.")) {   // ~60 KB answer, for flow-control tests
            for (int i = 0; i < 220; i++) {
                r.addRecord(new TXTRecord(q.getQuestion().getName(), q.getQuestion().getDClass(), 60,
                        String.format("%03d", i) + "x".repeat(250)), Section.ADDITIONAL);
            }
        }
        return ctx.respond(r.toWire(), Rcode.NOERROR);
    }
}
