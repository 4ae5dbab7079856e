package net.nsglobal.control.validate;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address prefix such as {@code 192.0.2.0/24} or {@code 2001:db8::/32}. */
public record Cidr(byte[] network, int prefixLength, String text) {

    public static Cidr parse(String s) {
        String t = s.trim();
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        InetAddress a = literal(addr);
        if (a == null) throw new IllegalArgumentException("not an address prefix: " + s);
        int max = a.getAddress().length * 8;
        int len = slash < 0 ? max : Integer.parseInt(t.substring(slash + 1));
        if (len < 0 || len > max) throw new IllegalArgumentException("prefix length out of range: " + s);
        return new Cidr(a.getAddress(), len, t);
    }

    public boolean contains(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length != network.length) return false;
        int full = prefixLength / 8, rest = prefixLength % 8;
        for (int i = 0; i < full; i++) if (b[i] != network[i]) return false;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (b[full] & mask) == (network[full] & mask);
    }

    /** Parses an IP literal without ever touching DNS (null when {@code s} is not a literal). */
    static InetAddress literal(String s) {
        if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            for (String p : s.split("\\.")) if (Integer.parseInt(p) > 255) return null;
        } else if (!s.matches("[0-9A-Fa-f:.]+") || !s.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override public String toString() { return text; }
}
