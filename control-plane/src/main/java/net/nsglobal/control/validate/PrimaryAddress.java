package net.nsglobal.control.validate;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A customer's primary: an IP literal (never a host name) and a port (53 when omitted). */
public record PrimaryAddress(InetAddress address, int port) {

    /** Parses {@code ADDR}, {@code ADDR:PORT}, {@code V6ADDR} or {@code [V6ADDR]:PORT}. */
    public static PrimaryAddress parse(String input) throws Invalid {
        String s = input.strip();
        String host;
        int port = 53;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) throw new Invalid("\"" + s + "\": missing ']' after the IPv6 address.");
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) throw new Invalid("\"" + s + "\": write [IPv6]:PORT.");
                port = port(s, rest.substring(1));
            }
        } else if (s.chars().filter(c -> c == ':').count() == 1) {
            int colon = s.indexOf(':');
            host = s.substring(0, colon);
            port = port(s, s.substring(colon + 1));
        } else {
            host = s;
        }
        InetAddress a = literal(host);
        if (a == null) throw new Invalid("\"" + s + "\" is not an IP address (host names are not accepted).");
        return new PrimaryAddress(a, port);
    }

    private static int port(String s, String p) throws Invalid {
        if (!p.matches("\\d{1,5}")) throw new Invalid("\"" + s + "\": the port must be a number.");
        int n = Integer.parseInt(p);
        if (n < 1 || n > 65535) throw new Invalid("\"" + s + "\": the port must be between 1 and 65535.");
        return n;
    }

    public InetSocketAddress socketAddress() { return new InetSocketAddress(address, port); }

    /** Canonical text: {@code 192.0.2.1:53} or {@code [2001:db8::1]:53}. */
    @Override public String toString() {
        String h = address.getHostAddress();
        return (h.contains(":") ? "[" + h + "]" : h) + ":" + port;
    }

    public static final class Invalid extends Exception {
        public Invalid(String message) { super(message, null, false, false); }
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
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}
