package net.nsglobal.atlas.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a DNS result object in either shape (see "Measurement Result Format", DNS, fw 4610+): a single
 * {@code result} (one target address) or a {@code resultset} array (one entry per resolver/address, each with its
 * own {@code result} or {@code error}, {@code subid}, {@code dst_addr}, {@code time}); a top-level {@code error}
 * means the probe got no answer at all. The answer is decoded from {@code abuf}; firmware that did not send
 * {@code abuf} (or measurements without include_abuf) fall back to the pre-parsed {@code answers} list, whose
 * {@code RDATA} is a string in fw 46xx and a list of strings from fw 47xx. An {@code abuf} that does not decode
 * keeps the exchange and its {@code rt}, flagged malformed (as Sagan does), rather than dropping the whole result.
 */
final class DnsResultParser {
    private DnsResultParser() {
    }

    static DnsResult parse(JsonNode n) {
        long msm = Fields.requireLong(n, "msm_id");
        int prb = Fields.requireInt(n, "prb_id");
        var ts = Fields.timestamp(n, "timestamp");
        int fw = Fields.fw(n);
        String dst = Fields.text(n, "dst_addr");
        if (dst == null) {
            dst = Fields.text(n, "dst_name");
        }
        List<DnsResponse> responses = new ArrayList<>();
        if (n.hasNonNull("resultset")) {
            JsonNode set = n.get("resultset");
            if (!set.isArray()) {
                throw Fields.malformed("'resultset' is not an array");
            }
            int i = 0;
            for (JsonNode entry : set) {
                int subid = entry.has("subid") ? entry.get("subid").asInt() : i;
                String entryDst = entry.hasNonNull("dst_addr") ? entry.get("dst_addr").asText() : dst;
                responses.add(response(entry, subid, entryDst));
                i++;
            }
        } else if (n.hasNonNull("result") || n.hasNonNull("error")) {
            responses.add(response(n, 0, dst));
        } else {
            throw Fields.malformed("DNS result has neither 'result', 'resultset' nor 'error'");
        }
        return new DnsResult(msm, prb, ts, fw, Fields.text(n, "from"), dst, Fields.text(n, "proto"), responses);
    }

    /** {@code holder} is the top-level object or a resultset entry: it carries {@code result} or {@code error}. */
    private static DnsResponse response(JsonNode holder, int subid, String dst) {
        JsonNode result = holder.get("result");
        if (result == null || result.isNull()) {
            JsonNode error = holder.get("error");
            if (error == null || error.isNull()) {
                throw Fields.malformed("DNS response has neither 'result' nor 'error'");
            }
            return DnsResponse.failed(subid, dst, Fields.errorText(error));
        }
        if (!result.isObject()) {
            throw Fields.malformed("DNS 'result' is not an object");
        }
        Double rt = Fields.optionalMs(result, "rt");
        String abuf = Fields.text(result, "abuf");
        if (abuf != null) {
            DecodedAnswer a;
            try {
                a = AbufDecoder.decode(abuf);
            } catch (IllegalArgumentException e) {
                // The probe got an answer after rt ms; only its recording is unreadable. Keep the exchange, flagged.
                return DnsResponse.undecodable(subid, dst, rt, e.getMessage());
            }
            return new DnsResponse(subid, dst, rt, a.rcode(), a.rcodeName(), a.txt(), a.nsid(),
                    SiteIdentity.from(a.nsid(), a.txt()).orElse(null), null);
        }
        List<String> txt = answersTxt(result.get("answers"));
        return new DnsResponse(subid, dst, rt, null, null, txt, null, SiteIdentity.from(null, txt).orElse(null),
                null);
    }

    private static List<String> answersTxt(JsonNode answers) {
        List<String> out = new ArrayList<>();
        if (answers == null || !answers.isArray()) {
            return out;
        }
        for (JsonNode a : answers) {
            if (!"TXT".equalsIgnoreCase(Fields.text(a, "TYPE"))) {
                continue;
            }
            JsonNode rdata = a.get("RDATA");
            if (rdata == null) {
                continue;
            }
            if (rdata.isArray()) {
                StringBuilder sb = new StringBuilder();
                rdata.forEach(s -> sb.append(unescape(s.asText())));
                out.add(sb.toString());
            } else {
                out.add(unescape(rdata.asText()));
            }
        }
        return out;
    }

    /** Undoes the master-file escapes the probe applied to RDATA: {@code \DDD} (decimal) and {@code \X}
     * (RFC 1035 §5.1). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
            } else if (i + 3 < s.length() && Character.isDigit(s.charAt(i + 1)) && Character.isDigit(s.charAt(i + 2))
                    && Character.isDigit(s.charAt(i + 3))) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4)));
                i += 3;
            } else {
                sb.append(s.charAt(++i));
            }
        }
        return sb.toString();
    }
}
