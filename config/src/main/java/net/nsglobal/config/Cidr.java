package net.nsglobal.config;

import java.net.InetAddress;

/** An address prefix for ACLs; a bare address means the whole host (/32 or /128). */
public record Cidr(InetAddress network, int prefix) {

    public static Cidr parse(String key, String s) throws ConfigException {
        int slash = s.indexOf('/');
        InetAddress addr = Kind.Values.ipLiteral(key, slash < 0 ? s : s.substring(0, slash));
        int max = addr.getAddress().length * 8;
        int prefix = max;
        if (slash >= 0) {
            try { prefix = Integer.parseInt(s.substring(slash + 1)); }
            catch (NumberFormatException e) { throw new ConfigException(key, "bad prefix length in '" + s + "'"); }
            if (prefix < 0 || prefix > max) throw new ConfigException(key, "prefix length must be 0…" + max + " in '" + s + "'");
        }
        return new Cidr(addr, prefix);
    }

    /** Parses {@code s} where no config key is at hand (forms, tests); a bad prefix is an IllegalArgumentException. */
    public static Cidr of(String s) {
        try {
            return parse("prefix", s.trim());
        } catch (ConfigException e) {
            throw new IllegalArgumentException("not an address prefix '" + s + "': " + e.getMessage(), e);
        }
    }

    /** True when {@code a} lies inside this prefix (same address family only). */
    public boolean contains(InetAddress a) {
        byte[] x = a.getAddress();
        byte[] n = network.getAddress();
        if (x.length != n.length) return false;
        int bits = prefix;
        for (int i = 0; i < n.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((x[i] & mask) != (n[i] & mask)) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }
}
