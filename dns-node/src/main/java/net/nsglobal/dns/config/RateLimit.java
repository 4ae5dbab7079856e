package net.nsglobal.dns.config;

/**
 * The {@code rate-limit:} section: response rate limiting on UDP (RRL, as BIND, Knot's mod-rrl and NSD). See
 * {@link Schema}. {@code responsesPerSecond == 0} means off.
 */
public record RateLimit(int responsesPerSecond, int slip, int ipv4Prefix, int ipv6Prefix, int tableSize) {
    public boolean enabled() { return responsesPerSecond > 0; }
}
