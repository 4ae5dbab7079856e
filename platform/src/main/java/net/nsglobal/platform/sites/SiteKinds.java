package net.nsglobal.platform.sites;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.regex.Pattern;
import net.nsglobal.config.Cidr;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.Kind;

/** The value kinds of the site schema that the config kit does not have. */
final class SiteKinds {
    private SiteKinds() {}

    static Kind<String> matching(String regex, String what) {
        Pattern p = Pattern.compile(regex);
        return new Kind<>() {
            public String parse(String key, JsonNode n) throws ConfigException {
                String s = Kind.string().parse(key, n);
                if (!p.matcher(s).matches()) throw new ConfigException(key, "expected " + what + ", got '" + s + "'");
                return s;
            }
            public String describe() { return what; }
        };
    }

    static Kind<Double> decimal(double min, double max) {
        return new Kind<>() {
            public Double parse(String key, JsonNode n) throws ConfigException {
                double v;
                if (n.isNumber()) v = n.doubleValue();
                else {
                    try { v = Double.parseDouble(Kind.string().parse(key, n)); }
                    catch (NumberFormatException e) { throw new ConfigException(key, "expected a number, got '" + n.asText() + "'"); }
                }
                if (!(v >= min && v <= max)) throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + v);
                return v;
            }
            public String describe() { return "number " + min + "…" + max; }
        };
    }

    /** A public or private AS number, 4 bytes (RFC 6793); 0 and AS_TRANS 23456 are not valid here. */
    static Kind<Long> asn() {
        return new Kind<>() {
            public Long parse(String key, JsonNode n) throws ConfigException {
                if (!n.isIntegralNumber()) throw new ConfigException(key, "expected an AS number, got '" + n.asText() + "'");
                if (!n.canConvertToLong()) throw new ConfigException(key, "AS number out of range: " + n.asText());
                long v = n.longValue();
                if (v < 1 || v > 4294967294L) throw new ConfigException(key, "AS number must be between 1 and 4294967294, got " + v);
                if (v == 23456) throw new ConfigException(key, "23456 is AS_TRANS (RFC 6793 §9), not a real AS");
                return v;
            }
            public String describe() { return "AS number 1…4294967294"; }
        };
    }

    static Kind<InetAddress> address(int bytes) {
        return new Kind<>() {
            public InetAddress parse(String key, JsonNode n) throws ConfigException {
                String s = Kind.string().parse(key, n);
                if (s.equalsIgnoreCase("localhost") || s.contains("/")) throw new ConfigException(key, "expected an IP address, got '" + s + "'");
                InetAddress a = Kind.Values.ipLiteral(key, s);
                int len = a.getAddress().length;
                if (bytes != 0 && len != bytes) {
                    throw new ConfigException(key, "expected an " + (bytes == 4 ? "IPv4" : "IPv6") + " address, got '" + s + "'");
                }
                return a;
            }
            public String describe() { return bytes == 4 ? "IPv4 address" : bytes == 16 ? "IPv6 address" : "IPv4 or IPv6 address"; }
        };
    }

    static Kind<Inet4Address> ipv4() {
        Kind<InetAddress> k = address(4);
        return new Kind<>() {
            public Inet4Address parse(String key, JsonNode n) throws ConfigException { return (Inet4Address) k.parse(key, n); }
            public String describe() { return k.describe(); }
        };
    }

    static Kind<Inet6Address> ipv6() {
        Kind<InetAddress> k = address(16);
        return new Kind<>() {
            public Inet6Address parse(String key, JsonNode n) throws ConfigException {
                InetAddress a = k.parse(key, n);
                if (!(a instanceof Inet6Address v6)) throw new ConfigException(key, "expected an IPv6 address, got '" + n.asText() + "'");
                return v6;
            }
            public String describe() { return k.describe(); }
        };
    }

    /** A routed prefix: explicit length, no bits set past it (BIRD refuses {@code 198.51.100.1/24} in a route). */
    static Kind<Cidr> prefix() {
        return new Kind<>() {
            public Cidr parse(String key, JsonNode n) throws ConfigException {
                String s = Kind.string().parse(key, n);
                if (!s.contains("/")) throw new ConfigException(key, "expected a prefix ADDRESS/LENGTH, got '" + s + "'");
                Cidr c = Cidr.parse(key, s);
                byte[] b = c.network().getAddress();
                for (int bit = c.prefix(); bit < b.length * 8; bit++) {
                    if ((b[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                        throw new ConfigException(key, "host bits set in '" + s + "' (the prefix is not aligned to /" + c.prefix() + ")");
                    }
                }
                return c;
            }
            public String describe() { return "prefix ADDRESS/LENGTH (IPv4 or IPv6)"; }
        };
    }

    static Kind<Community> community() {
        return new Kind<>() {
            public Community parse(String key, JsonNode n) throws ConfigException {
                if (!n.isTextual()) throw new ConfigException(key, "write the community as a quoted string, e.g. \"64500:100\"");
                return Community.parse(key, n.textValue());
            }
            public String describe() { return "community \"ASN:VALUE\" or large \"ASN:DATA1:DATA2\" (quoted)"; }
        };
    }
}
