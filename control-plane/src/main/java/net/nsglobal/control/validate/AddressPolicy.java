package net.nsglobal.control.validate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses the control plane agrees to send packets to when the address came from a customer (primaries, and
 * the parent-zone name servers the status check finds in DNS): the dns-node's
 * {@link net.nsglobal.dns.config.AddressPolicy} (the one the collector applies to catalog-listed primaries too), built
 * from the control plane's {@code allow-list} and {@code own-prefixes}.
 */
public final class AddressPolicy {
    private final net.nsglobal.dns.config.AddressPolicy policy;

    public AddressPolicy(List<Cidr> allowList, List<Cidr> ownPrefixes) {
        this.policy = new net.nsglobal.dns.config.AddressPolicy(convert(allowList), convert(ownPrefixes));
    }

    /** Empty when the address is acceptable as a customer's primary. */
    public Optional<net.nsglobal.dns.config.AddressPolicy.Refusal> check(InetAddress address) {
        return policy.check(address);
    }

    /** The control plane's prefixes as the dns-node's. */
    public static List<net.nsglobal.config.Cidr> convert(List<Cidr> cidrs) {
        List<net.nsglobal.config.Cidr> out = new ArrayList<>();
        for (Cidr c : cidrs) {
            try {
                out.add(new net.nsglobal.config.Cidr(InetAddress.getByAddress(c.network()), c.prefixLength()));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
