package net.nsglobal.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.Name;

/**
 * The type of one setting: how a YAML scalar (or list) becomes a Java value, and what is valid.
 * Every failure names the key; nothing here resolves host names (addresses are IP literals).
 */
public interface Kind<T> {
    T parse(String key, JsonNode node) throws ConfigException;

    /** Human description for the reference doc and error messages. */
    String describe();

    static Kind<String> string() {
        return new Kind<>() {
            public String parse(String key, JsonNode n) throws ConfigException {
                if (!n.isValueNode() || n.isNull()) throw new ConfigException(key, "expected a string");
                String s = n.asText().trim();
                if (s.isEmpty()) throw new ConfigException(key, "must not be empty");
                return s;
            }
            public String describe() { return "string"; }
        };
    }

    static Kind<Boolean> bool() {
        return new Kind<>() {
            public Boolean parse(String key, JsonNode n) throws ConfigException {
                if (n.isBoolean()) return n.asBoolean();
                String s = n.asText().toLowerCase(Locale.ROOT);
                if (s.equals("true") || s.equals("yes")) return true;
                if (s.equals("false") || s.equals("no")) return false;
                throw new ConfigException(key, "expected true or false, got '" + n.asText() + "'");
            }
            public String describe() { return "boolean"; }
        };
    }

    static Kind<Integer> integer(int min, int max) {
        return new Kind<>() {
            public Integer parse(String key, JsonNode n) throws ConfigException {
                long v;
                if (n.isIntegralNumber()) v = n.asLong();
                else {
                    try { v = Long.parseLong(n.asText().trim()); }
                    catch (NumberFormatException e) { throw new ConfigException(key, "expected an integer, got '" + n.asText() + "'"); }
                }
                if (v < min || v > max) throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + v);
                return (int) v;
            }
            public String describe() { return max == Integer.MAX_VALUE ? "integer ≥ " + min : "integer " + min + "…" + max; }
        };
    }

    /** Byte counts: an integer, or with suffix k/m/g (powers of 1024). */
    static Kind<Long> size(long min, long max) {
        return new Kind<>() {
            public Long parse(String key, JsonNode n) throws ConfigException {
                String s = n.asText().trim().toLowerCase(Locale.ROOT);
                long mult = 1;
                if (s.endsWith("k")) mult = 1L << 10;
                else if (s.endsWith("m")) mult = 1L << 20;
                else if (s.endsWith("g")) mult = 1L << 30;
                if (mult != 1) s = s.substring(0, s.length() - 1);
                long v;
                try { v = Math.multiplyExact(Long.parseLong(s), mult); }
                catch (NumberFormatException | ArithmeticException e) {
                    throw new ConfigException(key, "expected a size such as 1048576 or 64m, got '" + n.asText() + "'");
                }
                if (v < min || v > max) throw new ConfigException(key, "must be between " + min + " and " + max + " bytes, got " + v);
                return v;
            }
            public String describe() { return "size (bytes; suffix k, m, g allowed)"; }
        };
    }

    /** Durations: an integer of seconds, or a number with unit ms, s, m, h, d, w (e.g. {@code 10s}, {@code 4w}). */
    static Kind<Duration> duration(Duration min, Duration max) {
        return new Kind<>() {
            public Duration parse(String key, JsonNode n) throws ConfigException {
                Duration d = parseDuration(key, n.asText().trim());
                if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                    throw new ConfigException(key, "must be between " + min.toMillis() + "ms and " + max.toSeconds() + "s, got '" + n.asText() + "'");
                }
                return d;
            }
            public String describe() { return "duration (seconds, or with unit ms/s/m/h/d/w)"; }
        };
    }

    static Duration parseDuration(String key, String s) throws ConfigException {
        String lower = s.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length() && Character.isDigit(lower.charAt(i))) i++;
        if (i == 0) throw new ConfigException(key, "expected a duration such as 30, 30s, 5m or 4w, got '" + s + "'");
        long v;
        try { v = Long.parseLong(lower.substring(0, i)); }
        catch (NumberFormatException e) { throw new ConfigException(key, "duration out of range: '" + s + "'"); }
        String unit = lower.substring(i);
        return switch (unit) {
            case "", "s" -> Duration.ofSeconds(v);
            case "ms" -> Duration.ofMillis(v);
            case "m" -> Duration.ofMinutes(v);
            case "h" -> Duration.ofHours(v);
            case "d" -> Duration.ofDays(v);
            case "w" -> Duration.ofDays(7 * v);
            default -> throw new ConfigException(key, "unknown duration unit '" + unit + "' in '" + s + "' (ms, s, m, h, d, w)");
        };
    }

    /** An absolute DNS name; the final dot is optional. */
    static Kind<Name> dnsName() {
        return new Kind<>() {
            public Name parse(String key, JsonNode n) throws ConfigException {
                return Values.name(key, string().parse(key, n));
            }
            public String describe() { return "domain name (final dot optional)"; }
        };
    }

    /** {@code ADDR:PORT} or {@code [V6]:PORT}; with {@code defaultPort} > 0, the port may be omitted. */
    static Kind<InetSocketAddress> socketAddress(int defaultPort) {
        return new Kind<>() {
            public InetSocketAddress parse(String key, JsonNode n) throws ConfigException {
                return Values.socketAddress(key, string().parse(key, n), defaultPort);
            }
            public String describe() {
                return "address ADDR:PORT or [V6]:PORT" + (defaultPort > 0 ? " (port defaults to " + defaultPort + ")" : "");
            }
        };
    }

    static Kind<Cidr> cidr() {
        return new Kind<>() {
            public Cidr parse(String key, JsonNode n) throws ConfigException {
                return Cidr.parse(key, string().parse(key, n));
            }
            public String describe() { return "CIDR prefix (192.0.2.0/24, 2001:db8::/32, or a single address)"; }
        };
    }

    static Kind<byte[]> base64() {
        return new Kind<>() {
            public byte[] parse(String key, JsonNode n) throws ConfigException {
                try { return Base64.getDecoder().decode(string().parse(key, n)); }
                catch (IllegalArgumentException e) { throw new ConfigException(key, "not valid base64"); }
            }
            public String describe() { return "base64"; }
        };
    }

    static <E extends Enum<E>> Kind<E> oneOf(Class<E> type) {
        return new Kind<>() {
            public E parse(String key, JsonNode n) throws ConfigException {
                String s = string().parse(key, n);
                for (E e : type.getEnumConstants()) {
                    if (e.toString().equalsIgnoreCase(s)) return e;
                }
                throw new ConfigException(key, "expected one of " + describeValues() + ", got '" + s + "'");
            }
            private String describeValues() {
                List<String> names = new ArrayList<>();
                for (E e : type.getEnumConstants()) names.add(e.toString());
                return String.join("|", names);
            }
            public String describe() { return describeValues(); }
        };
    }

    /** A YAML list (a single scalar is accepted as a list of one); items are keyed {@code key[i]}. */
    static <T> Kind<List<T>> listOf(Kind<T> item) {
        return new Kind<>() {
            public List<T> parse(String key, JsonNode n) throws ConfigException {
                List<T> out = new ArrayList<>();
                if (n.isArray()) {
                    for (int i = 0; i < n.size(); i++) out.add(item.parse(key + "[" + i + "]", n.get(i)));
                } else if (n.isValueNode() && !n.isNull()) {
                    out.add(item.parse(key, n));
                } else {
                    throw new ConfigException(key, "expected a list of " + item.describe());
                }
                return List.copyOf(out);
            }
            public String describe() { return "list of " + item.describe(); }
        };
    }

    /** A file or folder path, as written; the reader resolves a relative one against the config file's folder. */
    static Kind<java.nio.file.Path> path() {
        return new Kind<>() {
            public java.nio.file.Path parse(String key, JsonNode n) throws ConfigException {
                try { return java.nio.file.Path.of(string().parse(key, n)); }
                catch (java.nio.file.InvalidPathException e) { throw new ConfigException(key, "not a valid path: " + e.getMessage()); }
            }
            public String describe() { return "path (relative to the config file's folder)"; }
        };
    }

    /** A YAML mapping of names the operator chooses (e.g. site codes) to values; entries are keyed {@code key.NAME}. */
    static <T> Kind<java.util.Map<String, T>> mapOf(Kind<T> value) {
        return new Kind<>() {
            public java.util.Map<String, T> parse(String key, JsonNode n) throws ConfigException {
                if (!n.isObject()) throw new ConfigException(key, "expected a mapping of name: " + value.describe());
                java.util.Map<String, T> out = new java.util.LinkedHashMap<>();
                for (var it = n.fields(); it.hasNext(); ) {
                    var e = it.next();
                    out.put(e.getKey(), value.parse(key + "." + e.getKey(), e.getValue()));
                }
                return java.util.Collections.unmodifiableMap(out);
            }
            public String describe() { return "mapping of name: " + value.describe(); }
        };
    }

    /** Parse-only helpers shared by kinds. */
    final class Values {
        private Values() {}

        public static Name name(String key, String s) throws ConfigException {
            try {
                return DomainName.parse(s);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, e.getMessage());
            }
        }

        public static InetSocketAddress socketAddress(String key, String s, int defaultPort) throws ConfigException {
            String host;
            String port = null;
            if (s.startsWith("[")) {
                int close = s.indexOf(']');
                if (close < 0) throw new ConfigException(key, "missing ']' in '" + s + "'");
                host = s.substring(1, close);
                String rest = s.substring(close + 1);
                if (rest.startsWith(":")) port = rest.substring(1);
                else if (!rest.isEmpty()) throw new ConfigException(key, "expected [V6]:PORT, got '" + s + "'");
            } else {
                int colon = s.lastIndexOf(':');
                if (colon >= 0 && s.indexOf(':') != colon) {
                    throw new ConfigException(key, "IPv6 addresses need brackets: [" + s + "]:PORT");
                }
                host = colon >= 0 ? s.substring(0, colon) : s;
                port = colon >= 0 ? s.substring(colon + 1) : null;
            }
            int p;
            if (port == null) {
                if (defaultPort <= 0) throw new ConfigException(key, "missing :PORT in '" + s + "'");
                p = defaultPort;
            } else {
                try { p = Integer.parseInt(port); }
                catch (NumberFormatException e) { throw new ConfigException(key, "bad port in '" + s + "'"); }
                if (p < 0 || p > 65535) throw new ConfigException(key, "port out of range in '" + s + "'");
            }
            return new InetSocketAddress(ipLiteral(key, host), p);
        }

        /** Parses an IP literal without DNS lookups ("localhost" is accepted as the loopback). */
        public static InetAddress ipLiteral(String key, String host) throws ConfigException {
            if (host.equalsIgnoreCase("localhost")) return InetAddress.getLoopbackAddress();
            boolean literal = !host.isEmpty() && (host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
            if (!literal) throw new ConfigException(key, "expected an IP address, got '" + host + "'");
            try {
                return InetAddress.getByName(host);
            } catch (Exception e) {
                throw new ConfigException(key, "not a valid IP address '" + host + "'");
            }
        }
    }
}
