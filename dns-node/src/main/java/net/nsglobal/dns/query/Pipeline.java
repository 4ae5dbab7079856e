package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

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
    private final Stage[] responseStages;
    private final java.util.concurrent.atomic.LongAdder stageFailures = new java.util.concurrent.atomic.LongAdder();

    public Pipeline(List<Stage> stages) {
        this(stages, List.of());
    }

    /**
     * @param responseStages run in order once a stage has decided to respond; each keeps the response (CONTINUE),
     *                       replaces it (RESPOND) or drops it (DROP)
     */
    public Pipeline(List<Stage> stages, List<Stage> responseStages) {
        this.stages = stages.toArray(new Stage[0]);
        this.responseStages = responseStages.toArray(new Stage[0]);
    }

    /**
     * The standard authoritative pipeline, in this order:
     * <ol>
     *   <li>header: parse; QR=1 or shorter than a header → no reply; malformed, or more name parsing than any real
     *       request needs (compression pointer hops, see QueryParser) → FORMERR</li>
     *   <li>opcode: QUERY goes on; NOTIFY → {@code notifyStage} (or NOTIMP); anything else → NOTIMP</li>
     *   <li>question/EDNS: QDCOUNT ≠ 1, two OPT, or answer/authority records (but an IXFR's SOA) → FORMERR;
     *       EDNS version &gt; 0 → BADVERS</li>
     *   <li>CHAOS: hostname.bind/id.server/version.bind/version.server, else REFUSED</li>
     *   <li>transfers: AXFR over UDP → NOTIMP; AXFR/IXFR → {@code xfrOutStage} (or REFUSED)</li>
     *   <li>zone lookup: no hosted zone → REFUSED; expired → SERVFAIL</li>
     *   <li>answer: cached encoded response, or RFC 1034 §4.3.2 lookup then encode</li>
     * </ol>
     * and once a response is decided:
     * <ol>
     *   <li>response rate limit (UDP only, when configured): keep, drop, or slip a truncated answer</li>
     * </ol>
     *
     * @param notifyStage  handles opcode NOTIFY (RFC 1996), or null to answer it NOTIMP
     * @param xfrOutStage  handles AXFR/IXFR requests (RFC 5936/1995), or null to refuse them
     */
    public static Pipeline standard(ZoneStore store, Identity identity, Stage notifyStage, Stage xfrOutStage) {
        return standard(store, identity, notifyStage, xfrOutStage, null);
    }

    /** As above, with response rate limiting on UDP when {@code rrl} is not null. */
    public static Pipeline standard(ZoneStore store, Identity identity, Stage notifyStage, Stage xfrOutStage,
                                    net.nsglobal.dns.rrl.ResponseRateLimiter rrl) {
        Identity id = identity != null ? identity : Identity.NONE;
        List<Stage> list = new ArrayList<>();
        list.add(new HeaderStage(id));
        list.add(new OpcodeStage(notifyStage, id));
        list.add(new QuestionStage(id));
        list.add(new ChaosStage(id));
        list.add(new TransferStage(xfrOutStage, id));
        list.add(new ZoneLookupStage(store, id));
        list.add(new AnswerStage(id));
        List<Stage> after = new ArrayList<>();
        if (rrl != null) after.add(new RateLimitStage(rrl, id));
        return new Pipeline(list, after);
    }

    /**
     * Runs the stages in order until one decides; DROP if none did. Never throws: an internal error becomes
     * SERVFAIL when the request could be parsed (as Knot answers), else no reply.
     */
    public Verdict process(QueryContext ctx) {
        try {
            for (Stage s : stages) {
                Verdict v = s.process(ctx);
                if (v == Verdict.RESPOND) return afterResponse(ctx);
                if (v != Verdict.CONTINUE) return v;
            }
            return Verdict.DROP;
        } catch (RuntimeException | StackOverflowError e) {
            stageFailures.increment();
            LOG.warn("query engine: internal error answering {} (zone {}): {}", ctx.qname(),
                    ctx.zone() == null ? "-" : ctx.zone().origin(), e.toString(), e);
            if (ctx.parsed().status != net.nsglobal.dns.wire.ParsedQuery.Status.OK) return Verdict.DROP;
            return ctx.respond(ResponseWriter.empty(ctx.wire(), ctx.parsed(), org.xbill.DNS.Rcode.SERVFAIL, true,
                    true, null), org.xbill.DNS.Rcode.SERVFAIL);
        }
    }

    /** Queries on which a stage threw (each answered SERVFAIL, or dropped when unparsable) since start. */
    public long stageFailures() { return stageFailures.sum(); }

    private Verdict afterResponse(QueryContext ctx) {
        for (Stage s : responseStages) {
            Verdict v = s.process(ctx);
            if (v == Verdict.DROP) return v;
        }
        return Verdict.RESPOND;
    }
}
