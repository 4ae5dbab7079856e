package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.nsglobal.dns.wire.ParsedQuery;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Encodes responses. Answers ({@link Answer}) go through dnsjava once (the slow path; the result is cached per zone
 * snapshot), error responses are written by hand from the request bytes.
 *
 * <p>Truncation, as Knot does it (RFC 2181 §9, RFC 1035 §4.2.1): additional-section RRsets are optional and are
 * dropped whole, without TC, when they do not fit; if answer and authority do not fit, the response is the header,
 * the question and the OPT only, with TC=1.
 */
final class ResponseWriter {
    /** The UDP payload size this server advertises and caps answers at (RFC 6891 §6.2.5, DNS flag day 2020). */
    static final int ADVERTISED_PAYLOAD = 1232;

    private ResponseWriter() {}

    /** The size limit for a response to this query on this transport. */
    static int sizeLimit(ParsedQuery q, Transport t) {
        if (t == Transport.TCP) return 65535;
        if (!q.edns) return 512;
        return Math.max(512, Math.min(q.udpPayload, ADVERTISED_PAYLOAD));
    }

    static byte[] encode(ParsedQuery q, Name qname, Answer a, int limit, Identity identity) {
        Message m = new Message(q.id);
        var h = m.getHeader();
        h.setFlag(Flags.QR);
        h.setOpcode(q.opcode());
        if (a.authoritative) h.setFlag(Flags.AA);
        if (q.rd()) h.setFlag(Flags.RD);
        if (q.cd()) h.setFlag(Flags.CD);
        int rcode = a.rcode;
        m.addRecord(Record.newRecord(qname, q.qtype, q.qclass), Section.QUESTION);
        OPTRecord opt = q.edns ? new OPTRecord(ADVERTISED_PAYLOAD, rcode >>> 4, 0, q.dnssecOk ? Flags.DO : 0,
                nsidOption(q, identity)) : null;
        // Common case first: everything fits, one encoding.
        for (List<Record> unit : a.answer.units()) for (Record r : unit) m.addRecord(r, Section.ANSWER);
        for (List<Record> unit : a.authority.units()) for (Record r : unit) m.addRecord(r, Section.AUTHORITY);
        for (List<Record> unit : a.additional.units()) for (Record r : unit) m.addRecord(r, Section.ADDITIONAL);
        h.setRcode(rcode & 0xF);
        if (opt != null) m.addRecord(opt, Section.ADDITIONAL);
        byte[] whole = m.toWire();
        if (whole.length <= limit) return whole;
        for (int s : new int[] {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}) m.removeAllRecords(s);
        int budget = limit - (opt == null ? 0 : 11 + optionsLength(opt));
        boolean truncated = !fill(m, a.answer, Section.ANSWER, budget, false)
                || !fill(m, a.authority, Section.AUTHORITY, budget, false);
        if (truncated) {
            // Knot: TC=1, what fitted stays, nothing more is written (the rcode stays).
            h.setFlag(Flags.TC);
        } else {
            fill(m, a.additional, Section.ADDITIONAL, budget, true);
        }
        h.setRcode(rcode & 0xF);
        if (opt != null) m.addRecord(opt, Section.ADDITIONAL);
        return m.toWire();
    }

    /**
     * Writes a section's units while they fit in {@code budget}: a unit that does not fit is left out whole; in a
     * mandatory section that stops everything (returns false), in the additional section the next unit is tried.
     */
    private static boolean fill(Message m, Answer.Section section, int where, int budget, boolean optional) {
        for (List<Record> unit : section.units()) {
            for (Record r : unit) m.addRecord(r, where);
            if (m.toWire().length > budget) {
                for (Record r : unit) m.removeRecord(r, where);
                if (!optional) return false;
            }
        }
        return true;
    }

    private static int optionsLength(OPTRecord opt) {
        int n = 0;
        for (EDNSOption o : opt.getOptions()) n += o.toWire().length;
        return n;
    }

    private static EDNSOption[] nsidOption(ParsedQuery q, Identity identity) {
        if (!q.nsidRequested || identity == null || identity.nsid() == null) return new EDNSOption[0];
        return new EDNSOption[] {new GenericEDNSOption(EDNSOption.Code.NSID,
                identity.nsid().getBytes(StandardCharsets.UTF_8))};
    }

    /**
     * A response without records, written by hand: the header echoed with QR=1 and {@code rcode}, the question if
     * it parsed, and an OPT (with NSID when asked) if the query had a well-formed one.
     */
    static byte[] empty(byte[] wire, ParsedQuery q, int rcode, boolean withQuestion, boolean withOpt,
                        Identity identity) {
        boolean question = withQuestion && q.questionParsed;
        boolean opt = withOpt && q.edns && q.status == ParsedQuery.Status.OK;
        byte[] nsid = opt && q.nsidRequested && identity != null && identity.nsid() != null
                ? identity.nsid().getBytes(StandardCharsets.UTF_8) : null;
        int qlen = question ? q.questionEnd - 12 : 0;
        int optLen = opt ? 11 + (nsid != null ? 4 + nsid.length : 0) : 0;
        byte[] out = new byte[12 + qlen + optLen];
        out[0] = wire[0];
        out[1] = wire[1];
        out[2] = (byte) (0x80 | (wire[2] & 0x79)); // QR=1, opcode and RD kept, AA/TC cleared
        out[3] = (byte) ((wire[3] & 0x10) | (rcode & 0xF)); // CD kept
        out[5] = (byte) (question ? 1 : 0);
        out[11] = (byte) (opt ? 1 : 0);
        if (question) System.arraycopy(wire, 12, out, 12, qlen);
        if (opt) writeOpt(out, 12 + qlen, rcode >>> 4, q.dnssecOk, nsid);
        return out;
    }

    private static void writeOpt(byte[] out, int p, int extRcode, boolean dnssecOk, byte[] nsid) {
        out[p] = 0; // root owner
        out[p + 1] = 0;
        out[p + 2] = 41;
        out[p + 3] = (byte) (ADVERTISED_PAYLOAD >>> 8);
        out[p + 4] = (byte) ADVERTISED_PAYLOAD;
        out[p + 5] = (byte) extRcode;
        out[p + 6] = 0; // version 0
        out[p + 7] = (byte) (dnssecOk ? 0x80 : 0);
        out[p + 8] = 0;
        int rdlen = nsid != null ? 4 + nsid.length : 0;
        out[p + 9] = (byte) (rdlen >>> 8);
        out[p + 10] = (byte) rdlen;
        if (nsid != null) {
            out[p + 11] = 0;
            out[p + 12] = 3;
            out[p + 13] = (byte) (nsid.length >>> 8);
            out[p + 14] = (byte) nsid.length;
            System.arraycopy(nsid, 0, out, p + 15, nsid.length);
        }
    }
}
