package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import net.nsglobal.dns.rrl.ResponseRateLimiter;
import net.nsglobal.dns.wire.NameBytes;
import net.nsglobal.dns.zone.Zone;

/**
 * Response stage: response rate limiting on UDP ({@link ResponseRateLimiter}). Runs after a stage decided the
 * response; keeps it (CONTINUE), drops it (DROP), or replaces it with a truncated one (slip: header and question,
 * TC=1, RFC 1035 §4.1.1), so a real client retries over TCP. TCP responses pass untouched.
 */
final class RateLimitStage implements Stage {
    private static final int NOERROR = 0, NXDOMAIN = 3;
    private final ResponseRateLimiter limiter;
    private final Identity identity;

    RateLimitStage(ResponseRateLimiter limiter, Identity identity) {
        this.limiter = limiter;
        this.identity = identity;
    }

    @Override
    public Verdict process(QueryContext ctx) {
        if (ctx.transport() != Transport.UDP || ctx.response() == null || ctx.remote() == null) return Verdict.CONTINUE;
        switch (limiter.account(ctx.remote().getAddress(), responseClass(ctx))) {
            case SEND:
                return Verdict.CONTINUE;
            case DROP:
                return Verdict.DROP;
            default:
                byte[] original = ctx.response();
                byte[] tc = ResponseWriter.empty(ctx.wire(), ctx.parsed(), ctx.rcode(), true, true, identity);
                tc[2] |= (byte) (0x02 | (original[2] & 0x04));   // TC=1; AA as the full answer had it
                return ctx.respond(tc, tc.length, ctx.rcode());
        }
    }

    /**
     * What identical responses share, following BIND's RRL: NXDOMAIN and referrals by zone (random names under a
     * zone are one flood), errors by rcode and zone, other answers by the name and type asked.
     */
    static long responseClass(QueryContext ctx) {
        int rcode = ctx.rcode();
        Zone zone = ctx.zone();
        long zoneHash = zone == null ? 0 : zone.origin().hashCode();
        byte[] r = ctx.response();
        boolean authoritative = ctx.responseLength() > 3 && (r[2] & 0x04) != 0;
        int ancount = ctx.responseLength() >= 8 ? ((r[6] & 0xff) << 8) | (r[7] & 0xff) : 0;
        if (rcode == NXDOMAIN) return zoneHash * 31 + 1_000_003;
        if (rcode != NOERROR) return zoneHash * 31 + 2_000_003L * rcode;
        if (!authoritative && ancount == 0) return zoneHash * 31 + 3_000_017;        // referral
        var q = ctx.parsed();
        return ((long) NameBytes.hash(q.qnameLower, 0, q.qnameLength) << 16) ^ q.qtype;
    }
}
