package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import net.nsglobal.dns.wire.NameBytes;
import net.nsglobal.dns.wire.ParsedQuery;
import net.nsglobal.dns.zone.AnswerCache;
import net.nsglobal.dns.zone.Zone;
import org.xbill.DNS.Name;

/**
 * Answers from the zone. Fast path: the encoded response for (qname, qtype, shape) is taken from the snapshot's
 * {@link AnswerCache}, copied, and patched with the query's ID, RD/CD bits and question-name case (RFC 1035 §7.1:
 * the question is echoed as sent). Slow path, once per key and snapshot: {@link Resolver} then
 * {@link ResponseWriter}.
 */
final class AnswerStage implements Stage {
    private final Identity identity;

    AnswerStage(Identity identity) {
        this.identity = identity;
    }

    @Override
    public Verdict process(QueryContext ctx) {
        ParsedQuery q = ctx.parsed();
        Zone zone = ctx.zone();
        int limit = ResponseWriter.sizeLimit(q, ctx.transport());
        boolean nsid = q.nsidRequested && identity.nsid() != null;
        long key = (q.qtype & 0xFFFFL) | ((long) limit << 16) | (q.edns ? 1L << 40 : 0) | (q.dnssecOk ? 1L << 41 : 0)
                | (nsid ? 1L << 42 : 0) | ((long) (q.qclass & 0xFF) << 48);
        int hash = NameBytes.hash(q.qnameLower, 0, q.qnameLength);
        AnswerCache cache = zone.cache();
        AnswerCache.Arena arena = cache.arena();
        long at = arena.find(q.qnameLower, q.qnameLength, hash, key);
        byte[] out = ctx.outputBuffer();
        int length;
        int rcode;
        if (at >= 0) {
            length = arena.length(at);
            rcode = arena.rcode(at);
            if (out == null || out.length < length) out = new byte[length];
            arena.copy(at, out);
        } else {
            Name qname = ctx.qname();
            Answer a = Resolver.resolve(zone, qname, q.qtype, q.dnssecOk);
            byte[] wire = ResponseWriter.encode(q, qname, a, limit, identity);
            // Cached with ID 0 and RD/CD clear; every hit patches them from its own query.
            wire[0] = 0;
            wire[1] = 0;
            wire[2] &= (byte) ~0x01;
            wire[3] &= (byte) ~0x10;
            cache.put(q.qnameLower, q.qnameLength, hash, key, wire, a.rcode);
            length = wire.length;
            rcode = a.rcode;
            if (out == null || out.length < length) out = wire;
            else System.arraycopy(wire, 0, out, 0, length);
        }
        byte[] in = ctx.wire();
        out[0] = in[0];
        out[1] = in[1];
        out[2] |= (byte) (in[2] & 0x01);
        out[3] |= (byte) (in[3] & 0x10);
        System.arraycopy(in, 12, out, 12, q.qnameLength);
        return ctx.respond(out, length, rcode);
    }
}
