package net.nsglobal.te.announce;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Does the dns-node answer on the address the site announces? One UDP query with a timeout: with a probe zone, its
 * SOA, healthy only when authoritative (AA, RFC 1035 §4.1.1) with the SOA in the answer — a node that lost the zone
 * answers REFUSED and an expired one SERVFAIL; without a probe zone, CHAOS TXT hostname.bind (RFC 4892), healthy on any
 * NOERROR answer (the node is up and serving, whatever its zones).
 */
public final class DnsCheck implements Check {
    static final Name HOSTNAME_BIND = Name.fromConstantString("hostname.bind.");

    private final InetSocketAddress server;
    private final Name probeZone;
    private final Duration timeout;

    /** {@code probeZone} null = CHAOS TXT hostname.bind. */
    public DnsCheck(InetSocketAddress server, Name probeZone, Duration timeout) {
        this.server = server;
        this.probeZone = probeZone;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "dns";
    }

    @Override
    public Verdict run() {
        Record question = probeZone != null ? Record.newRecord(probeZone, Type.SOA, DClass.IN)
                : Record.newRecord(HOSTNAME_BIND, Type.TXT, DClass.CH);
        String asked = (probeZone != null ? "SOA " + probeZone : "CH TXT hostname.bind") + " at "
                + server.getAddress().getHostAddress() + "#" + server.getPort();
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTimeout(timeout);
        long start = System.nanoTime();
        Message answer;
        try {
            answer = resolver.send(Message.newQuery(question));
        } catch (IOException e) {
            return Verdict.unhealthy(name(), asked + ": no answer (" + (e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName()) + ")");
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        int rcode = answer.getRcode();
        if (rcode != Rcode.NOERROR) {
            return Verdict.unhealthy(name(), asked + ": " + Rcode.string(rcode));
        }
        if (probeZone != null) {
            if (!answer.getHeader().getFlag(Flags.AA)) {
                return Verdict.unhealthy(name(), asked + ": not authoritative (no AA)");
            }
            if (answer.getSection(Section.ANSWER).stream().noneMatch(r -> r.getType() == Type.SOA)) {
                return Verdict.unhealthy(name(), asked + ": no SOA in the answer");
            }
        }
        return Verdict.healthy(name(), asked + ": NOERROR in " + ms + " ms");
    }
}
