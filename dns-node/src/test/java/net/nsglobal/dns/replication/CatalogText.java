package net.nsglobal.dns.replication;

import java.net.InetSocketAddress;
import java.util.Map;

/** Catalog zone text (RFC 9432 v2) listing members with BIND-style {@code primaries.ext} properties. */
public final class CatalogText {
    private CatalogText() {}

    /** @param members zone → its primary (null = no primaries property: the consumer's defaults apply) */
    public static String of(String origin, long serial, Map<String, InetSocketAddress> members) {
        StringBuilder b = new StringBuilder();
        b.append("$ORIGIN ").append(origin).append("\n$TTL 0\n")
         .append("@ SOA invalid. invalid. ").append(serial).append(" 60 60 2419200 0\n@ NS invalid.\n")
         .append("version TXT \"2\"\n");
        int i = 0;
        for (Map.Entry<String, InetSocketAddress> m : new java.util.TreeMap<>(members).entrySet()) {
            String id = "m" + Integer.toHexString(m.getKey().hashCode());
            b.append(id).append(".zones PTR ").append(m.getKey()).append('\n');
            if (m.getValue() != null) {
                b.append("primaries.ext.").append(id).append(".zones A ")
                 .append(m.getValue().getAddress().getHostAddress()).append('\n');
                b.append("primaries-port.ext.").append(id).append(".zones TXT \"").append(m.getValue().getPort())
                 .append("\"\n");
            }
            i++;
        }
        return b.toString();
    }
}
