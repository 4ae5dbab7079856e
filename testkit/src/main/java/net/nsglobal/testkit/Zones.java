package net.nsglobal.testkit;

/** Small zone texts for tests. */
public final class Zones {
    private Zones() {}

    /** A zone with the given SOA serial, one NS and {@code hosts} A records h0, h1, ... */
    public static String text(String origin, long serial, int hosts) {
        StringBuilder b = new StringBuilder();
        b.append("$ORIGIN ").append(origin).append("\n$TTL 300\n")
         .append("@ SOA ns1 hostmaster ").append(serial).append(" 3600 900 604800 300\n")
         .append("@ NS ns1\nns1 A 192.0.2.1\n");
        for (int i = 0; i < hosts; i++) {
            b.append('h').append(i).append(" A 10.0.").append(i / 250).append('.').append(i % 250).append('\n');
        }
        return b.toString();
    }
}
