package net.nsglobal.dns.query;

import java.util.ArrayList;
import java.util.List;
import net.nsglobal.dns.zone.ZoneStore;

/**
 * THE query pipeline: one visible, ordered list of stages (CoreDNS plugin.cfg, OkHttp's interceptor chain).
 * PLACEHOLDER: the answering stages land with the query engine.
 */
public final class Pipeline {
    private final Stage[] stages;

    public Pipeline(List<Stage> stages) {
        this.stages = stages.toArray(new Stage[0]);
    }

    /**
     * The standard authoritative pipeline.
     *
     * @param notifyStage  handles opcode NOTIFY (RFC 1996), or null to answer it NOTIMP
     * @param xfrOutStage  handles AXFR/IXFR requests (RFC 5936/1995), or null to refuse them
     */
    public static Pipeline standard(ZoneStore store, ServerIdentity identity, Stage notifyStage, Stage xfrOutStage) {
        List<Stage> list = new ArrayList<>();
        if (notifyStage != null) list.add(notifyStage);
        if (xfrOutStage != null) list.add(xfrOutStage);
        return new Pipeline(list);
    }

    /** Runs the stages in order until one decides; DROP if none did. */
    public Verdict process(QueryContext ctx) {
        for (Stage s : stages) {
            Verdict v = s.process(ctx);
            if (v != Verdict.CONTINUE) return v;
        }
        return Verdict.DROP;
    }
}
