package net.nsglobal.dashboard.validate;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses the control plane agrees to send packets to when the address came from a customer: primaries, and
 * the parent-zone name servers the status check finds in DNS. Special-purpose space (RFC 6890 registries) is refused
 * because a packet there would either go nowhere or reach into our own network: loopback, private (RFC 1918, ULA
 * RFC 4193, site-local RFC 3879), link-local, shared CGNAT space (RFC 6598), multicast, documentation (RFC 5737,
 * RFC 3849), discard (RFC 6666), unspecified/reserved, and our own prefixes. Transition prefixes are refused whole:
 * NAT64 (RFC 6052, RFC 8215), 6to4 (RFC 3056) with its relay anycast (RFC 7526), Teredo (RFC 4380), IPv4-compatible
 * (RFC 4291 §2.5.5.1) and IPv4-translated (RFC 2765) addresses all lead to an IPv4 host through a translator, which
 * could be any of the refused IPv4 ranges. An IPv4-mapped address (::ffff:a.b.c.d) is judged as the IPv4 address it
 * carries. An explicit allow-list overrides the refusal for labs and tests (never our own prefixes).
 */
public final class AddressPolicy {

    /** Why an address is refused; the text is shown to the user next to the field. */
    public enum Refusal {
        LOOPBACK("a loopback address"),
        PRIVATE("a private address (RFC 1918 / RFC 4193 / site-local)"),
        LINK_LOCAL("a link-local address"),
        CGNAT("carrier-grade NAT shared space (100.64.0.0/10, RFC 6598)"),
        MULTICAST("a multicast address"),
        DOCUMENTATION("a documentation address (RFC 5737 / RFC 3849)"),
        RESERVED("an unspecified, broadcast or reserved address"),
        TRANSITION("an IPv6 transition address (NAT64, 6to4, Teredo, IPv4-compatible or -translated) that hides "
                + "the IPv4 host it reaches"),
        OWN("one of NS-Global's own addresses");

        public final String reason;
        Refusal(String reason) { this.reason = reason; }
    }

    private static final List<Rule> RULES = List.of(
            new Rule("127.0.0.0/8", Refusal.LOOPBACK), new Rule("::1/128", Refusal.LOOPBACK),
            new Rule("10.0.0.0/8", Refusal.PRIVATE), new Rule("172.16.0.0/12", Refusal.PRIVATE),
            new Rule("192.168.0.0/16", Refusal.PRIVATE), new Rule("fc00::/7", Refusal.PRIVATE),
            new Rule("169.254.0.0/16", Refusal.LINK_LOCAL), new Rule("fe80::/10", Refusal.LINK_LOCAL),
            new Rule("100.64.0.0/10", Refusal.CGNAT),
            new Rule("224.0.0.0/4", Refusal.MULTICAST), new Rule("ff00::/8", Refusal.MULTICAST),
            new Rule("192.0.2.0/24", Refusal.DOCUMENTATION), new Rule("198.51.100.0/24", Refusal.DOCUMENTATION),
            new Rule("203.0.113.0/24", Refusal.DOCUMENTATION), new Rule("2001:db8::/32", Refusal.DOCUMENTATION),
            new Rule("0.0.0.0/8", Refusal.RESERVED), new Rule("240.0.0.0/4", Refusal.RESERVED),
            new Rule("::/128", Refusal.RESERVED), new Rule("192.0.0.0/24", Refusal.RESERVED),
            new Rule("198.18.0.0/15", Refusal.RESERVED), new Rule("100::/64", Refusal.RESERVED),
            new Rule("fec0::/10", Refusal.PRIVATE),
            new Rule("64:ff9b::/96", Refusal.TRANSITION), new Rule("64:ff9b:1::/48", Refusal.TRANSITION),
            new Rule("2002::/16", Refusal.TRANSITION), new Rule("192.88.99.0/24", Refusal.TRANSITION),
            new Rule("2001::/32", Refusal.TRANSITION), new Rule("::/96", Refusal.TRANSITION),
            new Rule("::ffff:0:0:0/96", Refusal.TRANSITION));

    private record Rule(Cidr cidr, Refusal refusal) {
        Rule(String c, Refusal r) { this(Cidr.parse(c), r); }
    }

    private final List<Cidr> allowList;
    private final List<Cidr> ownPrefixes;

    public AddressPolicy(List<Cidr> allowList, List<Cidr> ownPrefixes) {
        this.allowList = List.copyOf(allowList);
        this.ownPrefixes = List.copyOf(ownPrefixes);
    }

    /** Empty when the address is acceptable as a customer's primary. */
    public Optional<Refusal> check(InetAddress address) {
        InetAddress a = unmapped(address);
        for (Cidr own : ownPrefixes) if (own.contains(a)) return Optional.of(Refusal.OWN);
        for (Cidr allowed : allowList) if (allowed.contains(a)) return Optional.empty();
        for (Rule r : RULES) if (r.cidr.contains(a)) return Optional.of(r.refusal);
        return Optional.empty();
    }

    /** IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address it carries. */
    private static InetAddress unmapped(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return a;
    }
}
