package net.nsglobal.dashboard.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/**
 * The control plane's DNS questions: the zone's SOA through the configured resolver (recursion desired), and SOA
 * queries straight to a primary, the collector or an edge with RD=0, where the AA bit tells whether the server is
 * authoritative for the zone (RFC 1035 §4.1.1).
 */
public final class DnsProbe {
    private final InetSocketAddress resolver;
    private final Duration timeout;

    public DnsProbe(InetSocketAddress resolver, Duration timeout) {
        this.resolver = resolver;
        this.timeout = timeout;
    }

    /** The public SOA of {@code domain} through the configured resolver. */
    public SoaAnswer publicSoa(Name domain) {
        return soa(resolver, domain, true);
    }

    /** SOA straight from one server (RD=0); {@link SoaAnswer.Found#authoritative()} carries AA. */
    public SoaAnswer soaAt(InetSocketAddress server, Name domain) {
        return soaAt(server, domain, null);
    }

    /**
     * SOA from a customer's primary, signed with the zone's TSIG key when it has one ({@code tsig} null = unsigned), as
     * a secondary configured with that key asks: a primary may refuse unsigned queries (BIND {@code allow-query { key
     * …; }}), and one that knows the key checks our signature, so a wrong name, algorithm or secret shows here as
     * {@link SoaAnswer.TsigFailed}. An unsigned answer is accepted: servers that do not check TSIG on plain queries
     * (dns-node signs only transfers and NOTIFY) answer them unsigned.
     */
    public SoaAnswer soaAt(InetSocketAddress server, Name domain, TSIG tsig) {
        Message r;
        try {
            r = query(server, domain, Type.SOA, false, tsig);
        } catch (IOException e) {
            return new SoaAnswer.Unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        TSIGRecord t = r.getTSIG();
        if (tsig != null && t != null) {
            if (t.getError() != Rcode.NOERROR) return new SoaAnswer.TsigFailed(Rcode.TSIGstring(t.getError()));
            if (!r.isVerified()) return new SoaAnswer.TsigFailed("unverifiable answer");
        }
        return verdict(r, domain);
    }

    /** NS names of {@code domain} as the resolver sees them (the child's NS set once cached); empty on failure. */
    public List<Name> publicNs(Name domain) {
        List<Name> out = new ArrayList<>();
        try {
            Message r = query(resolver, domain, Type.NS, true);
            for (Record rec : r.getSection(Section.ANSWER)) if (rec instanceof NSRecord ns) out.add(ns.getTarget());
        } catch (IOException e) {
            // no answer: the status page says "unknown" rather than "not delegated"
        }
        return out;
    }

    /**
     * The delegation NS set of {@code domain} as its PARENT zone publishes it (RFC 1034 §4.2.1: the NS records at the
     * cut in the parent): find the parent zone through the resolver, ask one of its servers with RD=0 and read the
     * referral. Empty when there is no reachable parent (e.g. a lab TLD); the caller then falls back to
     * {@link #publicNs}.
     */
    public List<Name> parentDelegation(Name domain) {
        List<Name> out = new ArrayList<>();
        if (domain.labels() <= 2) return out; // a TLD: the root is not asked here
        try {
            Name parent = new Name(domain, 1);
            Message soa = query(resolver, parent, Type.SOA, true);
            Name apex = null;
            for (Record r : soa.getSection(Section.ANSWER)) if (r instanceof SOARecord s) apex = s.getName();
            for (Record r : soa.getSection(Section.AUTHORITY)) if (apex == null && r instanceof SOARecord s) apex = s.getName();
            if (apex == null) return out;
            Message ns = query(resolver, apex, Type.NS, true);
            for (Record r : ns.getSection(Section.ANSWER)) {
                if (!(r instanceof NSRecord n)) continue;
                Message a = query(resolver, n.getTarget(), Type.A, true);
                for (Record ar : a.getSection(Section.ANSWER)) {
                    if (!(ar instanceof org.xbill.DNS.ARecord addr)) continue;
                    Message ref = query(new InetSocketAddress(addr.getAddress(), 53), domain, Type.NS, false);
                    for (int sec : new int[] {Section.AUTHORITY, Section.ANSWER}) {
                        for (Record x : ref.getSection(sec)) {
                            if (x instanceof NSRecord d && d.getName().equals(domain)) out.add(d.getTarget());
                        }
                    }
                    return out;
                }
            }
        } catch (IOException e) {
            // parent unreachable: caller falls back
        }
        return out;
    }

    private SoaAnswer soa(InetSocketAddress server, Name domain, boolean recursive) {
        Message r;
        try {
            r = query(server, domain, Type.SOA, recursive);
        } catch (IOException e) {
            return new SoaAnswer.Unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return verdict(r, domain);
    }

    private static SoaAnswer verdict(Message r, Name domain) {
        int rcode = r.getRcode();
        if (rcode == Rcode.NXDOMAIN) return new SoaAnswer.NoSuchDomain();
        if (rcode != Rcode.NOERROR) return new SoaAnswer.Rcode(Rcode.string(rcode));
        for (Record rec : r.getSection(Section.ANSWER)) {
            if (rec instanceof SOARecord s && s.getName().equals(domain)) {
                return new SoaAnswer.Found(s, r.getHeader().getFlag(Flags.AA));
            }
        }
        return new SoaAnswer.NotAZone();
    }

    private Message query(InetSocketAddress server, Name name, int type, boolean recursive) throws IOException {
        return query(server, name, type, recursive, null);
    }

    private Message query(InetSocketAddress server, Name name, int type, boolean recursive, TSIG tsig) throws IOException {
        SimpleResolver res = new SimpleResolver(server);
        res.setTimeout(timeout);
        if (tsig != null) res.setTSIGKey(tsig); // signs the query and verifies the answer's MAC (RFC 8945 §5.3.2)
        Message q = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        if (!recursive) q.getHeader().unsetFlag(Flags.RD);
        return res.send(q); // SimpleResolver retries over TCP when TC=1
    }
}
