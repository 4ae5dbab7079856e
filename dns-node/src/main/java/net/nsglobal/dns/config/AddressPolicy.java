package net.nsglobal.dns.config;

import net.nsglobal.config.ConfigException;
import net.nsglobal.config.Cidr;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses we agree to send packets to when someone else names them: primaries (a sign-up, a catalog member's
 * {@code primaries.ext}), and the parent-zone name servers the control plane's status check finds in DNS.
 * Special-purpose space (RFC 6890 registries) is refused because a packet there would either go nowhere or reach into
 * our own network: loopback, private (RFC 1918, ULA RFC 4193, site-local RFC 3879), link-local, shared CGNAT space
 * (RFC 6598), multicast, documentation (RFC 5737, RFC 3849), discard (RFC 6666), unspecified/reserved, and our own
 * prefixes. Transition prefixes are refused whole: NAT64 (RFC 6052, RFC 8215), 6to4 (RFC 3056) with its relay anycast
 * (RFC 7526), Teredo (RFC 4380), IPv4-compatible (RFC 4291 §2.5.5.1) and IPv4-translated (RFC 2765) addresses all
 * lead to an IPv4 host through a translator, which could be any of the refused IPv4 ranges. An IPv4-mapped address
 * (::ffff:a.b.c.d) is judged as the IPv4 address it carries. An explicit allow-list overrides the refusal for labs and
 * tests (never our own prefixes). The control plane's sign-up and the collector's catalog consumer use this one class,
 * so a forged catalog entry cannot reach what a sign-up could not.
 */
public final class AddressPolicy {

    /** Why an address is refused; the text is shown to the user next to the field and written to the log. */
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

    /** No allow-list, no own prefixes: every special-purpose range refused. */
    public static final AddressPolicy STRICT = new AddressPolicy(List.of(), List.of());

    private static final List<Rule> RULES = List.of(
            rule("127.0.0.0/8", Refusal.LOOPBACK), rule("::1/128", Refusal.LOOPBACK),
            rule("10.0.0.0/8", Refusal.PRIVATE), rule("172.16.0.0/12", Refusal.PRIVATE),
            rule("192.168.0.0/16", Refusal.PRIVATE), rule("fc00::/7", Refusal.PRIVATE),
            rule("169.254.0.0/16", Refusal.LINK_LOCAL), rule("fe80::/10", Refusal.LINK_LOCAL),
            rule("100.64.0.0/10", Refusal.CGNAT),
            rule("224.0.0.0/4", Refusal.MULTICAST), rule("ff00::/8", Refusal.MULTICAST),
            rule("192.0.2.0/24", Refusal.DOCUMENTATION), rule("198.51.100.0/24", Refusal.DOCUMENTATION),
            rule("203.0.113.0/24", Refusal.DOCUMENTATION), rule("2001:db8::/32", Refusal.DOCUMENTATION),
            rule("0.0.0.0/8", Refusal.RESERVED), rule("240.0.0.0/4", Refusal.RESERVED),
            rule("::/128", Refusal.RESERVED), rule("192.0.0.0/24", Refusal.RESERVED),
            rule("198.18.0.0/15", Refusal.RESERVED), rule("100::/64", Refusal.RESERVED),
            rule("fec0::/10", Refusal.PRIVATE),
            // After ::1/128 and ::/128 above, which keep their own refusals.
            rule("64:ff9b::/96", Refusal.TRANSITION), rule("64:ff9b:1::/48", Refusal.TRANSITION),
            rule("2002::/16", Refusal.TRANSITION), rule("192.88.99.0/24", Refusal.TRANSITION),
            rule("2001::/32", Refusal.TRANSITION), rule("::/96", Refusal.TRANSITION),
            rule("::ffff:0:0:0/96", Refusal.TRANSITION));

    private record Rule(Cidr cidr, Refusal refusal) {}

    private static Rule rule(String cidr, Refusal r) {
        try {
            return new Rule(Cidr.parse("(built-in)", cidr), r);
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    private final List<Cidr> allowList;
    private final List<Cidr> ownPrefixes;

    public AddressPolicy(List<Cidr> allowList, List<Cidr> ownPrefixes) {
        this.allowList = List.copyOf(allowList);
        this.ownPrefixes = List.copyOf(ownPrefixes);
    }

    /** Empty when the address is acceptable as a primary. */
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
        if (b.length != 16) return a;
        for (int i = 0; i < 10; i++) if (b[i] != 0) return a;
        if ((b[10] & 0xff) != 0xff || (b[11] & 0xff) != 0xff) return a;
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
