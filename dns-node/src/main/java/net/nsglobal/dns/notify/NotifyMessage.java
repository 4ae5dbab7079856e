package net.nsglobal.dns.notify;

import net.nsglobal.dns.config.TsigKey;
import net.nsglobal.dns.zone.Zone;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The NOTIFY a primary sends when a zone changes (RFC 1996 §3.7): opcode NOTIFY, AA set, question {@code <zone> SOA IN}
 * and the zone's new SOA in the answer section as a hint (§3.7: "may contain ... the new SOA"). The one builder for
 * every NOTIFY the project sends: the node's {@link NotifySender} and the control plane's catalog publisher.
 */
public final class NotifyMessage {
    private NotifyMessage() {}

    /**
     * The NOTIFY for {@code zone} at its current SOA, unsigned, with a random message id: for a sender that signs
     * as it sends (dnsjava's {@code SimpleResolver.setTSIGKey}).
     */
    public static Message of(Zone zone) {
        return build(new Message(), zone.soa());
    }

    /** The NOTIFY for {@code zone} with message id {@code id}, signed with {@code key} (RFC 8945) unless it is null. */
    public static Message of(int id, Zone zone, TsigKey key) {
        Message m = build(new Message(id), zone.soa());
        if (key != null) key.toTsig().apply(m, null);
        return m;
    }

    private static Message build(Message m, SOARecord soa) {
        m.getHeader().setOpcode(Opcode.NOTIFY);
        m.getHeader().setFlag(Flags.AA);
        m.addRecord(Record.newRecord(soa.getName(), Type.SOA, DClass.IN), Section.QUESTION);
        m.addRecord(soa, Section.ANSWER);
        return m;
    }
}
