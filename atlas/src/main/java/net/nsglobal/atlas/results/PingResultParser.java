package net.nsglobal.atlas.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a ping result ("Measurement Result Format", ping). Each {@code result} entry is {@code {"rtt": ms}} (possibly
 * with {@code ttl}, {@code srcaddr}), {@code {"x": "*"}} for a request that never got a reply, {@code {"error": "…"}}
 * when the probe could not send it, or a reply flagged {@code "dup": 1}: a duplicate of a reply already counted,
 * which RIPE counts in the top-level {@code dup}, not in {@code rcvd}. Duplicates and send errors are therefore kept
 * out of the RTTs and out of the loss. Firmware 1 wrote only {@code min/avg/max/sent/rcvd} (and {@code dup}), no
 * {@code result} array; results without summary fields are summarised from the packets.
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
        List<Double> rtts = new ArrayList<>();
        int errors = 0;
        int dups = 0;
        if (packets == null || packets.isNull()) {
            if (!n.has("sent") || !n.has("rcvd")) {
                throw Fields.malformed("ping without 'result' and without 'sent'/'rcvd'");
            }
            dups = n.path("dup").isIntegralNumber() ? n.get("dup").asInt() : 0;
        } else if (!packets.isArray()) {
            throw Fields.malformed("ping 'result' is not an array");
        } else {
            for (JsonNode p : packets) {
                if (p.has("rtt")) {
                    if (!p.get("rtt").isNumber()) {
                        throw Fields.malformed("non-numeric ping 'rtt'");
                    }
                    if (p.path("dup").asInt(0) != 0 || p.path("dup").asBoolean(false)) {
                        dups++;
                    } else {
                        rtts.add(p.get("rtt").asDouble());
                    }
                } else if (p.has("x")) {
                    rtts.add(null);
                } else if (p.has("error")) {
                    errors++;
                } else {
                    throw Fields.malformed("ping packet has neither 'rtt', 'x' nor 'error'");
                }
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
                sent, rcvd, min, avg, max, rtts, errors, dups);
    }
}
