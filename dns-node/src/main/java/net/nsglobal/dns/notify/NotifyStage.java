package net.nsglobal.dns.notify;

import java.util.Arrays;
import java.util.function.Function;
import net.nsglobal.dns.query.QueryContext;
import net.nsglobal.dns.query.Stage;
import net.nsglobal.dns.query.Verdict;
import net.nsglobal.dns.tsig.Keyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;

/**
 * Incoming NOTIFY (RFC 1996): accepted only for a zone we are secondary for, from one of that zone's primaries
 * (§3.10) and, when the zone has a key, signed with it (RFC 8945). Accepted NOTIFYs are answered NOERROR+AA at once
 * (§3.7) and queue a refresh, which the zone's state machine coalesces (and, unless signed, ignores while the zone waits
 * out its retry back-off); each source is rate limited so a flood from one primary cannot crowd out the others.
 */
public final class NotifyStage implements Stage {
    private static final Logger log = LoggerFactory.getLogger("replication.notify");
    private final Function<Name, NotifiedZone> zones;
    private final Keyring keys;
    private final RateLimiter limiter;

    /**
     * @param zones     finds the secondary zone by name (null = not ours)
     * @param perSecond NOTIFYs accepted per second and source (burst: 4x that), {@code limits.notify-rate}
     */
    public NotifyStage(Function<Name, NotifiedZone> zones, Keyring keys, double perSecond) {
        this.zones = zones;
        this.keys = keys;
        this.limiter = new RateLimiter(perSecond, perSecond * 4);
    }

    @Override
    public Verdict process(QueryContext ctx) {
        Message req = ctx.message();
        if (req == null || req.getHeader().getOpcode() != Opcode.NOTIFY) return Verdict.CONTINUE;
        if (req.getHeader().getFlag(Flags.QR)) return Verdict.DROP; // a response to a NOTIFY of ours, not for here
        if (req.getQuestion() == null) return answer(ctx, req, Rcode.FORMERR, null);
        Name zone = req.getQuestion().getName();
        Keyring.Verification v = keys.verify(req, Arrays.copyOf(ctx.wire(), ctx.length()));
        TSIG signer = v.valid() ? v.key().toTsig() : null;
        if (v.signed() && !v.valid()) {
            log.warn("zone {}: NOTIFY from {} refused: TSIG {}", zone, ctx.remote(), Rcode.TSIGstring(v.error()));
            Message m = reply(req, Rcode.NOTAUTH);
            Keyring.applyError(m, v);
            return ctx.respond(m.toWire(), Rcode.NOTAUTH);
        }
        NotifiedZone s = zones.apply(zone);
        if (s == null) return answer(ctx, req, Rcode.NOTAUTH, signer); // not a zone we are secondary for
        if (!s.spec().isPrimary(ctx.remote().getAddress())) {
            log.info("zone {}: NOTIFY from {} refused: not a primary of the zone", zone, ctx.remote());
            return answer(ctx, req, Rcode.REFUSED, signer);
        }
        if (s.spec().keyName() != null && !v.satisfies(s.spec().keyName())) {
            log.info("zone {}: NOTIFY from {} refused: not signed with key {}", zone, ctx.remote(),
                    s.spec().keyName());
            return answer(ctx, req, Rcode.REFUSED, signer);
        }
        if (!limiter.allow(ctx.remote().getAddress())) {
            log.warn("zone {}: NOTIFY from {} refused: rate limit", zone, ctx.remote());
            return answer(ctx, req, Rcode.REFUSED, signer);
        }
        // Signed with the zone's key (checked above when the zone has one): only such a NOTIFY may cut a failing
        // zone's retry back-off short; an unsigned one could come from anyone who can spoof the primary's address.
        s.notified(ctx.remote().toString(), s.spec().keyName() != null);
        return answer(ctx, req, Rcode.NOERROR, signer);
    }

    private static Verdict answer(QueryContext ctx, Message req, int rcode, TSIG signer) {
        Message m = reply(req, rcode);
        if (signer != null) signer.apply(m, Keyring.tsigOf(req));
        return ctx.respond(m.toWire(), rcode);
    }

    private static Message reply(Message req, int rcode) {
        Message m = new Message(req.getHeader().getID());
        m.getHeader().setFlag(Flags.QR);
        if (rcode == Rcode.NOERROR) m.getHeader().setFlag(Flags.AA);
        m.getHeader().setOpcode(Opcode.NOTIFY);
        m.getHeader().setRcode(rcode);
        if (req.getQuestion() != null) m.addRecord(req.getQuestion(), Section.QUESTION);
        return m;
    }
}
