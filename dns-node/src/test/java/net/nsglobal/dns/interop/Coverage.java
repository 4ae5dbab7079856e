package net.nsglobal.dns.interop;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/** Classifies a reference reply so the run reports which answer shapes the query mix reached. */
final class Coverage {
    private Coverage() { }

    static String of(Probe.Reply reply) {
        Message m = reply.message();
        if (m == null) return "no-reply";
        if (m.getHeader().getFlag(Flags.TC)) return "truncated";
        String rcode = Rcode.string(m.getRcode());
        if (m.getRcode() != Rcode.NOERROR) return rcode;
        if (!m.getHeader().getFlag(Flags.AA)) return "referral";
        return m.getSection(Section.ANSWER).isEmpty() ? "nodata" : "answer";
    }
}
