package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneStore;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Finds the hosted zone of the question (longest match on lowercased wire bytes, no allocation): none or not class
 * IN → REFUSED (we are not a resolver); an expired zone (RFC 1035 §4.3.5) → SERVFAIL.
 */
final class ZoneLookupStage implements Stage {
    private final ZoneStore store;
    private final Identity identity;

    ZoneLookupStage(ZoneStore store, Identity identity) {
        this.store = store;
        this.identity = identity;
    }

    @Override
    public Verdict process(QueryContext ctx) {
        Zone zone = ctx.qclass() == DClass.IN || ctx.qclass() == DClass.ANY ? store.find(ctx.parsed(), ctx.probe()) : null;
        if (zone == null) {
            return ctx.respond(ResponseWriter.empty(ctx.wire(), ctx.parsed(), Rcode.REFUSED, true, true, identity),
                    Rcode.REFUSED);
        }
        // RFC 4035 §3.1.4.1 / Knot: a DS query for the apex of a hosted zone is answered by the parent zone when
        // the parent is hosted too (the DS lives on the parent side of the cut).
        if (ctx.qtype() == Type.DS && ctx.parsed().labelCount > 0 && zone.origin().labels() == ctx.parsed().labelCount + 1) {
            Zone parent = store.find(ctx.parsed(), ctx.probe(), 1);
            if (parent != null) zone = parent;
        }
        if (zone.expired()) {
            return ctx.respond(ResponseWriter.empty(ctx.wire(), ctx.parsed(), Rcode.SERVFAIL, true, true, identity),
                    Rcode.SERVFAIL);
        }
        ctx.zone(zone);
        return Verdict.CONTINUE;
    }
}
