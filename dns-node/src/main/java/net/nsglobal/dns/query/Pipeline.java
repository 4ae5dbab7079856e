package net.nsglobal.dns.query;

import java.util.ArrayList;
import java.util.List;
import net.nsglobal.dns.zone.ZoneStore;

/**
 * THE query pipeline: one visible, ordered list of stages (CoreDNS plugin.cfg, OkHttp's interceptor chain).
 * Stateless per query and lock-free: many transport threads call {@link #process} on one instance concurrently.
 */
public final class Pipeline {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Pipeline.class);
    private final Stage[] stages;

    public Pipeline(List<Stage> stages) {
        this.stages = stages.toArray(new Stage[0]);
    }

    /**
     * The standard authoritative pipeline, in this order:
     * <ol>
     *   <li>header: parse; QR=1 or shorter than a header → no reply; malformed → FORMERR</li>
     *   <li>opcode: QUERY goes on; NOTIFY → {@code notifyStage} (or NOTIMP); anything else → NOTIMP</li>
     *   <li>question/EDNS: QDCOUNT ≠ 1 or two OPT → FORMERR; EDNS version &gt; 0 → BADVERS</li>
     *   <li>CHAOS: hostname.bind/id.server/version.bind/version.server, else REFUSED</li>
     *   <li>transfers: AXFR over UDP → NOTIMP; AXFR/IXFR → {@code xfrOutStage} (or REFUSED)</li>
     *   <li>zone lookup: no hosted zone → REFUSED; expired → SERVFAIL</li>
     *   <li>answer: cached encoded response, or RFC 1034 §4.3.2 lookup then encode</li>
     * </ol>
     *
     * @param notifyStage  handles opcode NOTIFY (RFC 1996), or null to answer it NOTIMP
     * @param xfrOutStage  handles AXFR/IXFR requests (RFC 5936/1995), or null to refuse them
     */
    public static Pipeline standard(ZoneStore store, ServerIdentity identity, Stage notifyStage, Stage xfrOutStage) {
        ServerIdentity id = identity != null ? identity : new ServerIdentity(null, null, null);
        List<Stage> list = new ArrayList<>();
        list.add(new HeaderStage(id));
        list.add(new OpcodeStage(notifyStage, id));
        list.add(new QuestionStage(id));
        list.add(new ChaosStage(id));
        list.add(new TransferStage(xfrOutStage, id));
        list.add(new ZoneLookupStage(store, id));
        list.add(new AnswerStage(id));
        return new Pipeline(list);
    }

    /**
     * Runs the stages in order until one decides; DROP if none did. Never throws: an internal error becomes
     * SERVFAIL when the request could be parsed (as Knot answers), else no reply.
     */
    public Verdict process(QueryContext ctx) {
        try {
            for (Stage s : stages) {
                Verdict v = s.process(ctx);
                if (v != Verdict.CONTINUE) return v;
            }
            return Verdict.DROP;
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("query engine: internal error answering {} (zone {}): {}", ctx.qname(),
                    ctx.zone() == null ? "-" : ctx.zone().origin(), e.toString());
            if (ctx.parsed().status != net.nsglobal.dns.wire.ParsedQuery.Status.OK) return Verdict.DROP;
            return ctx.respond(ResponseWriter.empty(ctx.wire(), ctx.parsed(), org.xbill.DNS.Rcode.SERVFAIL, true,
                    true, null), org.xbill.DNS.Rcode.SERVFAIL);
        }
    }
}
