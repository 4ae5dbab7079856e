package net.nsglobal.dns.config;

/**
 * The {@code rate-limit:} section: response rate limiting on UDP (RRL, as BIND, Knot's mod-rrl and NSD). See
 * {@link Schema}. {@code responsesPerSecond == 0} means off.
 */
public record RateLimit(int responsesPerSecond, int slip, int ipv4Prefix, int ipv6Prefix, int tableSize) {
    /**
     * The default on an edge, which answers the Internet over anycast and so is an amplifier for forged sources
     * unless it limits (BCP 140 / RFC 5358's reasoning for resolvers, applied to authoritative answers). BIND's ARM
     * example uses 5, Knot's and NSD's 200; "identical" responses to one /24 are rare in real traffic (resolvers
     * cache for the TTL), so 20 leaves room for resolver farms behind one prefix while a reflected flood is cut to
     * 20 full answers per second per name plus, with slip 2, every second limited answer as a bare TC=1 header.
     * Standalone nodes and collectors keep it off, as BIND and Knot ship.
     */
    public static final int EDGE_RESPONSES_PER_SECOND = 20;

    public boolean enabled() { return responsesPerSecond > 0; }

    /** The rate when {@code responses-per-second} is not set: on for an edge, off otherwise. */
    static int defaultResponsesPerSecond(Role role) {
        return role == Role.EDGE ? EDGE_RESPONSES_PER_SECOND : 0;
    }
}
