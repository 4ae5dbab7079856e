package net.nsglobal.control.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
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
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Asks a child zone's PARENT zone whether it delegates to the child. Our own edges cannot be asked: they answer from
 * the longest zone they hold (a stale child included) with AA=1, which is the very thing being checked. So the parent
 * apex is found through the resolver (the owner of the SOA for the child's parent name, RFC 2308 §3 when it is in the
 * authority section), and its servers are asked directly with RD=0 for the child's NS:
 * <ul>
 *   <li>the parent's customer primaries when NS-Global serves the parent itself ({@code servedPrimaries});</li>
 *   <li>otherwise the parent's NS hosts, resolved through the resolver, on {@code dnsPort} (53 outside labs).</li>
 * </ul>
 * A server that answers with NS records for the child (a referral, or its own authoritative answer when it hosts the
 * child too) delegates; one that answers authoritatively without them (NXDOMAIN, or NODATA from the parent zone)
 * does not. Anything else is {@link Delegation.Unknown}.
 */
public final class DelegationCheck {
    private static final int MAX_SERVERS = 4;

    private final InetSocketAddress resolver;
    private final int dnsPort;
    private final Duration timeout;
    private final Function<String, Optional<List<InetSocketAddress>>> servedPrimaries;

    /** @param servedPrimaries zone name (no trailing dot) → its primaries when NS-Global serves it */
    public DelegationCheck(InetSocketAddress resolver, int dnsPort, Duration timeout,
                           Function<String, Optional<List<InetSocketAddress>>> servedPrimaries) {
        this.resolver = resolver;
        this.dnsPort = dnsPort;
        this.timeout = timeout;
        this.servedPrimaries = servedPrimaries;
    }

    /**
     * The apex of the zone that holds {@code name}'s parent, through the resolver (e.g. {@code victim.com} for
     * {@code x.victim.com}); empty when the parent name has no zone we can find.
     */
    public Optional<String> parentApex(String name) {
        Name n = absolute(name);
        if (n.labels() <= 2) return Optional.empty(); // a TLD: its parent is the root, not a customer zone
        Name parent = new Name(n, 1);
        try {
            Message r = query(resolver, parent, Type.SOA, true);
            if (r.getRcode() != Rcode.NOERROR && r.getRcode() != Rcode.NXDOMAIN) return Optional.empty();
            for (int sec : new int[] {Section.ANSWER, Section.AUTHORITY}) {
                for (Record rec : r.getSection(sec)) {
                    if (rec instanceof SOARecord s && parent.subdomain(s.getName()) && s.getName().labels() > 1) {
                        return Optional.of(s.getName().toString(true).toLowerCase());
                    }
                }
            }
        } catch (IOException e) {
            // unreachable resolver: no parent known
        }
        return Optional.empty();
    }

    /** Does the parent zone of {@code child} delegate to it? */
    public Delegation check(String child) {
        Optional<String> apex = parentApex(child);
        if (apex.isEmpty()) return new Delegation.Unknown("the parent zone of " + child + " could not be found");
        String parent = apex.get();
        List<InetSocketAddress> servers = servedPrimaries.apply(parent).orElseGet(() -> nameServers(parent));
        if (servers.isEmpty()) return new Delegation.Unknown("no server of " + parent + " could be found");
        Name c = absolute(child);
        String notDelegated = null;
        String lastProblem = "no answer";
        for (InetSocketAddress s : servers.subList(0, Math.min(MAX_SERVERS, servers.size()))) {
            Message r;
            try {
                r = query(s, c, Type.NS, false);
            } catch (IOException e) {
                lastProblem = "no answer from " + show(s);
                continue;
            }
            if (hasNs(r, c)) return new Delegation.Delegated(parent);
            boolean aa = r.getHeader().getFlag(Flags.AA);
            int rc = r.getRcode();
            if (aa && (rc == Rcode.NXDOMAIN || rc == Rcode.NOERROR)) {
                notDelegated = "the server " + show(s) + " of " + parent + " answers " + (rc == Rcode.NXDOMAIN
                        ? "that " + child + " does not exist" : "for " + child + " itself") + " instead of referring to "
                        + child + "'s name servers";
            } else {
                lastProblem = show(s) + " answered " + Rcode.string(rc) + (aa ? "" : " without authority");
            }
        }
        return notDelegated != null ? new Delegation.NotDelegated(parent, notDelegated)
                : new Delegation.Unknown("the servers of " + parent + " gave no usable answer (" + lastProblem + ")");
    }

    /** The TXT strings at {@code name} through the resolver; empty when there are none or the lookup failed. */
    public List<String> publicTxt(String name) {
        List<String> out = new ArrayList<>();
        try {
            Message r = query(resolver, absolute(name), Type.TXT, true);
            for (Record rec : r.getSection(Section.ANSWER)) {
                if (rec instanceof TXTRecord t) out.add(String.join("", t.getStrings()));
            }
        } catch (IOException e) {
            // nothing found: the caller says "not there yet"
        }
        return out;
    }

    private static boolean hasNs(Message r, Name child) {
        for (int sec : new int[] {Section.ANSWER, Section.AUTHORITY}) {
            for (Record x : r.getSection(sec)) if (x instanceof NSRecord && x.getName().equals(child)) return true;
        }
        return false;
    }

    private List<InetSocketAddress> nameServers(String zone) {
        List<InetSocketAddress> out = new ArrayList<>();
        try {
            Message ns = query(resolver, absolute(zone), Type.NS, true);
            for (Record r : ns.getSection(Section.ANSWER)) {
                if (!(r instanceof NSRecord n)) continue;
                for (int type : new int[] {Type.A, Type.AAAA}) {
                    for (Record a : query(resolver, n.getTarget(), type, true).getSection(Section.ANSWER)) {
                        InetAddress addr = a instanceof ARecord ar ? ar.getAddress()
                                : a instanceof AAAARecord aaaa ? aaaa.getAddress() : null;
                        if (addr != null) out.add(new InetSocketAddress(addr, dnsPort));
                    }
                }
            }
        } catch (IOException e) {
            // what was found so far is asked
        }
        return out;
    }

    private static String show(InetSocketAddress s) {
        String h = s.getAddress().getHostAddress();
        return (h.contains(":") ? "[" + h + "]" : h) + ":" + s.getPort();
    }

    static Name absolute(String domain) {
        return net.nsglobal.config.DomainName.parse(domain);
    }

    private Message query(InetSocketAddress server, Name name, int type, boolean recursive) throws IOException {
        SimpleResolver res = new SimpleResolver(server);
        res.setTimeout(timeout);
        Message q = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        if (!recursive) q.getHeader().unsetFlag(Flags.RD);
        return res.send(q);
    }
}
