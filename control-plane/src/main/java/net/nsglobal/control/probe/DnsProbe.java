package net.nsglobal.control.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.nsglobal.dns.config.AddressPolicy;
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
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/**
 * The control plane's DNS questions: the zone's SOA through the configured resolver (recursion desired), and SOA
 * queries straight to a primary, the collector or an edge with RD=0, where the AA bit tells whether the server is
 * authoritative for the zone (RFC 1035 §4.1.1).
 */
public final class DnsProbe {
    /** Parent servers asked at most (a parent zone may list many; a referral from any one will do). */
    private static final int MAX_PARENT_SERVERS = 8;
    /** The whole parent look-up ends after this many probe timeouts, whatever is still outstanding. */
    private static final int PARENT_DEADLINE_TIMEOUTS = 2;
    /** Shared by every look-up; each query ends within one timeout, so threads come back quickly. */
    private static final ExecutorService PARALLEL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dashboard-probe-parent");
        t.setDaemon(true);
        return t;
    });

    private final InetSocketAddress resolver;
    private final Duration timeout;
    private final AddressPolicy policy;

    /** @param policy which addresses parent servers may have: the primaries' policy, with the same allow-list */
    public DnsProbe(InetSocketAddress resolver, Duration timeout, AddressPolicy policy) {
        this.resolver = resolver;
        this.timeout = timeout;
        this.policy = policy;
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
     * cut in the parent): find the parent zone and its name servers through the resolver, then ask every one of its
     * servers at once with RD=0 and take the first referral; the servers' addresses come from DNS data anyone can
     * publish, so each one passes the same {@link AddressPolicy} as a customer's primary, and a refused address is
     * never asked. One deadline ({@link #PARENT_DEADLINE_TIMEOUTS} probe timeouts) bounds the whole look-up, however
     * many servers there are and however many drop their packets. Empty when no parent server answered in time (or
     * the domain is a TLD, or every server was refused); the caller then falls back to {@link #publicNs}.
     */
    public List<Name> parentDelegation(Name domain) {
        if (domain.labels() <= 2) return List.of(); // a TLD: the root is not asked here
        long deadline = System.nanoTime() + timeout.toNanos() * PARENT_DEADLINE_TIMEOUTS;
        List<Name> servers = new ArrayList<>();
        try {
            Name parent = new Name(domain, 1);
            Message soa = query(resolver, parent, Type.SOA, true);
            Name apex = null;
            for (Record r : soa.getSection(Section.ANSWER)) if (r instanceof SOARecord s) apex = s.getName();
            for (Record r : soa.getSection(Section.AUTHORITY)) if (apex == null && r instanceof SOARecord s) apex = s.getName();
            if (apex == null) return List.of();
            for (Record r : query(resolver, apex, Type.NS, true).getSection(Section.ANSWER)) {
                if (r instanceof NSRecord n && servers.size() < MAX_PARENT_SERVERS) servers.add(n.getTarget());
            }
        } catch (IOException e) {
            return List.of(); // parent unreachable: caller falls back
        }
        ExecutorCompletionService<List<InetAddress>> lookups = new ExecutorCompletionService<>(PARALLEL);
        for (Name ns : servers) {
            lookups.submit(() -> addresses(ns, Type.A));
            lookups.submit(() -> addresses(ns, Type.AAAA));
        }
        ExecutorCompletionService<List<Name>> referrals = new ExecutorCompletionService<>(PARALLEL);
        List<Future<?>> started = new ArrayList<>();
        int asked = 0;
        try {
            for (int i = 0; i < 2 * servers.size(); i++) {
                Future<List<InetAddress>> f = lookups.poll(remaining(deadline), TimeUnit.NANOSECONDS);
                if (f == null) break;
                for (InetAddress a : done(f, List.<InetAddress>of())) {
                    if (asked >= MAX_PARENT_SERVERS) break;
                    if (policy.check(a).isPresent()) continue; // never send a packet where a primary may not be
                    asked++;
                    InetSocketAddress at = new InetSocketAddress(a, 53);
                    started.add(referrals.submit(() -> referral(at, domain)));
                }
            }
            for (int i = 0; i < asked; i++) {
                Future<List<Name>> f = referrals.poll(remaining(deadline), TimeUnit.NANOSECONDS);
                if (f == null) break;
                List<Name> found = done(f, List.<Name>of());
                if (!found.isEmpty()) return found;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Future<?> f : started) f.cancel(true);
        }
        return List.of();
    }

    private List<InetAddress> addresses(Name host, int type) throws IOException {
        List<InetAddress> out = new ArrayList<>();
        for (Record r : query(resolver, host, type, true).getSection(Section.ANSWER)) {
            if (r instanceof ARecord a) out.add(a.getAddress());
            if (r instanceof AAAARecord a) out.add(a.getAddress());
        }
        return out;
    }

    /** The NS set for {@code domain} in one parent server's referral (or answer); empty when it has none. */
    private List<Name> referral(InetSocketAddress server, Name domain) throws IOException {
        List<Name> out = new ArrayList<>();
        Message ref = query(server, domain, Type.NS, false);
        for (int sec : new int[] {Section.AUTHORITY, Section.ANSWER}) {
            for (Record x : ref.getSection(sec)) {
                if (x instanceof NSRecord d && d.getName().equals(domain)) out.add(d.getTarget());
            }
        }
        return out;
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static <T> T done(Future<T> f, T onFailure) {
        try {
            return f.get();
        } catch (ExecutionException | CancellationException e) {
            return onFailure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return onFailure;
        }
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
