package net.nsglobal.te.measure;

import java.util.Map;
import java.util.Optional;
import net.nsglobal.atlas.results.DnsResponse;
import net.nsglobal.atlas.results.DnsResult;
import net.nsglobal.atlas.results.PingResult;
import net.nsglobal.atlas.results.SiteIdentity;
import net.nsglobal.te.store.CatchmentSample;
import net.nsglobal.te.store.PingSample;

/** Measurement results as the store keeps them: one sample per probe and result timestamp. */
public final class Samples {
    private Samples() {}

    /**
     * The catchment sample of a DNS result: the first answered response decides (RIPE retries within one result).
     * No answer: the first response's error ("timeout", …). An answer with an rcode other than NOERROR: the rcode's
     * name (a REFUSED CHAOS query names no site). An answer naming no site of ours: "unknown site: NAME".
     */
    public static CatchmentSample catchment(DnsResult r, SiteNames sites) {
        Optional<DnsResponse> answer = r.firstAnswer();
        if (answer.isEmpty()) {
            String error = r.responses().isEmpty() ? "no response" : r.responses().get(0).error();
            return new CatchmentSample(r.msmId(), r.probeId(), r.timestamp(), null, Double.NaN, error);
        }
        DnsResponse a = answer.get();
        double rtt = a.rttMs() == null ? Double.NaN : a.rttMs();
        if (a.rcode() != null && a.rcode() != 0) {
            return new CatchmentSample(r.msmId(), r.probeId(), r.timestamp(), null, rtt,
                    a.rcodeName() != null ? a.rcodeName() : "rcode " + a.rcode());
        }
        Optional<String> named = a.siteIdentity().map(SiteIdentity::value);
        if (named.isEmpty()) {
            return new CatchmentSample(r.msmId(), r.probeId(), r.timestamp(), null, rtt, "no site identity");
        }
        Optional<String> site = sites.site(named.get());
        return new CatchmentSample(r.msmId(), r.probeId(), r.timestamp(), site.orElse(null), rtt,
                site.isPresent() ? null : "unknown site: " + named.get());
    }

    /** The ping sample of a ping result towards {@code site}'s unicast address. */
    static PingSample ping(PingResult r, String site) {
        return new PingSample(r.msmId(), r.probeId(), r.timestamp(), site, r.minMs() == null ? Double.NaN : r.minMs(),
                r.sent(), r.received());
    }

    /** Measurement id → site id, from a round's site id → ping measurement id. */
    static Map<Long, String> sitesByMsm(Map<String, Long> pingMsms) {
        Map<Long, String> out = new java.util.HashMap<>();
        pingMsms.forEach((site, msm) -> out.put(msm, site));
        return out;
    }
}
