package net.nsglobal.dns.interop;

import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * One query of the differential run: qname (with its random case), qtype, EDNS (absent, or a payload size with or
 * without DO) and transport.
 *
 * @param bufsize     EDNS UDP payload size, or 0 for a query without EDNS (then {@code dnssecOk} is false)
 * @param ednsVersion EDNS version; 1 asks for BADVERS (RFC 6891 §6.1.3)
 */
record TestQuery(int index, String qname, int qtype, int bufsize, boolean dnssecOk, boolean tcp, int ednsVersion) {
    TestQuery(int index, String qname, int qtype, int bufsize, boolean dnssecOk, boolean tcp) {
        this(index, qname, qtype, bufsize, dnssecOk, tcp, 0);
    }

    Message toMessage(int id) {
        try {
            Message m = Message.newQuery(Record.newRecord(Name.fromString(qname), qtype, DClass.IN));
            m.getHeader().setID(id);
            m.getHeader().unsetFlag(Flags.RD); // an authoritative server ignores RD; do not ask for recursion
            if (bufsize > 0) {
                m.addRecord(new OPTRecord(bufsize, 0, ednsVersion, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
            }
            return m;
        } catch (TextParseException e) {
            throw new IllegalArgumentException("bad generated qname " + qname, e);
        }
    }

    /** A dig-like one-liner to reproduce the query by hand. */
    String describe() {
        return "#" + index + " " + qname + " " + Type.string(qtype) + (tcp ? " +tcp" : " +notcp")
                + (bufsize == 0 ? " +noedns" : " +bufsize=" + bufsize + (dnssecOk ? " +dnssec" : ""))
                + (ednsVersion != 0 ? " +edns=" + ednsVersion : "");
    }
}
