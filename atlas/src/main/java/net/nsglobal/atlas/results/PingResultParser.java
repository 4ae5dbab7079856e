package net.nsglobal.atlas.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a ping result. Each {@code result} entry is {@code {"rtt": ms}} (possibly with {@code ttl}, {@code dup},
 * {@code srcaddr}), {@code {"x": "*"}} for a packet that never came back, or {@code {"error": "…"}} when the probe
 * could not send it. Version-1 firmware results may lack min/avg/max; they are then computed from the packets.
 */
final class PingResultParser {
    private PingResultParser() {
    }

    static PingResult parse(JsonNode n) {
        long msm = Fields.requireLong(n, "msm_id");
        int prb = Fields.requireInt(n, "prb_id");
        var ts = Fields.timestamp(n, "timestamp");
        int fw = Fields.fw(n);
        JsonNode packets = n.get("result");
        if (packets == null || !packets.isArray()) {
            throw Fields.malformed("ping 'result' is not an array");
        }
        List<Double> rtts = new ArrayList<>();
        int errors = 0;
        for (JsonNode p : packets) {
            if (p.has("rtt")) {
                if (!p.get("rtt").isNumber()) {
                    throw Fields.malformed("non-numeric ping 'rtt'");
                }
                rtts.add(p.get("rtt").asDouble());
            } else if (p.has("x")) {
                rtts.add(null);
            } else if (p.has("error")) {
                rtts.add(null);
                errors++;
            } else {
                throw Fields.malformed("ping packet has neither 'rtt', 'x' nor 'error'");
            }
        }
        List<Double> got = rtts.stream().filter(Objects::nonNull).toList();
        int sent = n.has("sent") ? Fields.requireInt(n, "sent") : rtts.size();
        int rcvd = n.has("rcvd") ? Fields.requireInt(n, "rcvd") : got.size();
        Double min = n.has("min") ? Fields.optionalMs(n, "min") : got.stream().min(Double::compare).orElse(null);
        Double max = n.has("max") ? Fields.optionalMs(n, "max") : got.stream().max(Double::compare).orElse(null);
        Double avg = n.has("avg") ? Fields.optionalMs(n, "avg")
                : got.isEmpty() ? null : got.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        String dst = Fields.text(n, "dst_addr");
        return new PingResult(msm, prb, ts, fw, Fields.text(n, "from"), dst != null ? dst : Fields.text(n, "dst_name"),
                sent, rcvd, min, avg, max, rtts, errors);
    }
}
