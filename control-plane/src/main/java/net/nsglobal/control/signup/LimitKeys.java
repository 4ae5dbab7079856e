package net.nsglobal.control.signup;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;

/**
 * What a limit counts. Each key names the smallest thing an attacker cannot vary for free:
 * <ul>
 *   <li>a client is its network, not its address: IPv4 /24; IPv6 /64 (one subnet: the interface identifier is the
 *       low 64 bits, RFC 4291 §2.5.1, so one host can use any of them) and IPv6 /48 (the most an end site is
 *       usually given, RFC 6177 §2, so one customer can rotate through its /64s);</li>
 *   <li>a domain is its registrable domain (the Public Suffix List): whoever owns {@code attacker.example} can make
 *       its server answer SOA for any {@code zN.attacker.example};</li>
 *   <li>a mailbox is lower case without its {@code +tag} (RFC 5233 subaddress), since {@code Owner+1@x} and
 *       {@code owner@x} reach one person.</li>
 * </ul>
 */
public final class LimitKeys {
    private LimitKeys() {}

    /** Limiter keys for a client address: {@code [net:/24]} for IPv4, {@code [net:/64, site:/48]} for IPv6. */
    public static List<String> client(String ip) {
        InetAddress a;
        try {
            a = InetAddresses.forString(ip.startsWith("[") ? ip.substring(1, ip.length() - 1) : ip);
        } catch (IllegalArgumentException e) {
            return List.of("net:" + ip); // not an address literal (never from a socket): count it as given
        }
        byte[] b = a.getAddress();
        if (b.length == 16 && isMapped(b)) b = new byte[] {b[12], b[13], b[14], b[15]};
        if (b.length == 4) return List.of("net:" + prefix(b, 24));
        return List.of("net:" + prefix(b, 64), "site:" + prefix(b, 48));
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) if (b[i] != 0) return false;
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static String prefix(byte[] b, int bits) {
        byte[] n = b.clone();
        for (int i = bits / 8; i < n.length; i++) n[i] = 0;
        try {
            InetAddress net = InetAddress.getByAddress(n);
            String text = net instanceof Inet4Address ? net.getHostAddress() : InetAddresses.toAddrString(net);
            return text + "/" + bits;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The registrable domain of a (normalised, A-label) domain: the label below its public suffix, e.g.
     * {@code shop.example.co.uk} → {@code example.co.uk}. Names under no listed suffix (lab TLDs such as
     * {@code .test}) take their TLD as the suffix; a name that is itself a public suffix is its own key.
     */
    public static String registrableDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) d = d.substring(0, d.length() - 1);
        try {
            InternetDomainName n = InternetDomainName.from(d);
            if (n.isUnderPublicSuffix()) return n.topPrivateDomain().toString();
            if (n.isPublicSuffix()) return d;
        } catch (IllegalArgumentException e) {
            // not a host name Guava accepts (e.g. an underscore label): fall back to the last two labels
        }
        String[] labels = d.split("\\.");
        return labels.length <= 2 ? d : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }

    /** The mailbox as one person: lower case, subaddress ({@code +tag}) removed. */
    public static String mailbox(String mailbox) {
        String m = mailbox.toLowerCase(Locale.ROOT);
        int at = m.lastIndexOf('@');
        if (at < 0) return m;
        int plus = m.indexOf('+');
        return plus >= 0 && plus < at ? m.substring(0, plus) + m.substring(at) : m;
    }
}
