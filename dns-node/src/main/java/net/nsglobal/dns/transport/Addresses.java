package net.nsglobal.dns.transport;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Collectors;

/** Prints socket addresses the way they are configured: {@code 127.0.0.1:5300}, {@code [::1]:5300}. */
public final class Addresses {
    private Addresses() {}

    public static String format(InetSocketAddress a) {
        if (a == null) return "off";
        String host = a.getAddress().getHostAddress();
        if (a.getAddress() instanceof Inet6Address) {
            int zone = host.indexOf('%');
            if (zone >= 0) host = host.substring(0, zone);
            host = "[" + compress(host) + "]";
        }
        return host + ":" + a.getPort();
    }

    public static String format(List<InetSocketAddress> list) {
        return list.stream().map(Addresses::format).collect(Collectors.joining(", "));
    }

    /** RFC 5952 short form of a full IPv6 text (longest run of zero groups as "::"). */
    static String compress(String full) {
        String[] g = full.split(":");
        if (g.length != 8) return full;
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (Integer.parseInt(g[i], 16) == 0) {
                int j = i;
                while (j < 8 && Integer.parseInt(g[j], 16) == 0) j++;
                if (j - i > bestLen && j - i > 1) { bestStart = i; bestLen = j - i; }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') b.append(':');
            b.append(Integer.toHexString(Integer.parseInt(g[i], 16)));
        }
        return b.toString();
    }
}
