package net.nsglobal.te.world.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.nsglobal.te.world.api.ApiError.Problem;

/**
 * The body of {@code POST /api/v2/measurements/}, read the way the API reads it: every invalid field is reported at
 * once by its JSON pointer, with the API's defaults for what is left out (UDP, IN, 512-byte payload, 3 pings of
 * 48 bytes, a 240 s interval).
 */
record CreateRequest(List<Definition> definitions, List<Selection> probes, boolean oneOff, Long startTime,
                     Long stopTime) {

    /** One entry of {@code definitions}. DNS fields are null for a ping and the ping fields 0 for a DNS query. */
    record Definition(String type, int af, String target, String description, String queryClass, String queryType,
                      String queryArgument, boolean setNsidBit, boolean setRdBit, String protocol, int udpPayloadSize,
                      int packets, int size, int interval) {
        boolean isDns() {
            return "dns".equals(type);
        }
    }

    /** One entry of {@code probes}: a selector, its value, how many, and tag filters. */
    record Selection(String type, String value, int requested, List<String> tagsInclude, List<String> tagsExclude) {
    }

    /** Either a request or the API's error reply; never both. */
    record Parsed(CreateRequest request, Reply error) {
    }

    static final int DEFAULT_INTERVAL = 240;
    private static final Set<String> SELECTORS = Set.of("area", "country", "asn", "prefix", "probes", "msm");

    static Parsed parse(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return new Parsed(null, ApiError.unreadable("JSON parse error - expected an object"));
        }
        List<Definition> defs = new ArrayList<>();
        JsonNode d = root.path("definitions");
        if (!d.isArray() || d.isEmpty()) {
            problems.add(Problem.at("/definitions", "This field is required."));
        } else {
            for (int i = 0; i < d.size(); i++) {
                Definition def = definition(d.get(i), "/definitions/" + i, problems);
                if (def != null) {
                    defs.add(def);
                }
            }
        }
        List<Selection> sels = new ArrayList<>();
        JsonNode p = root.path("probes");
        if (!p.isArray() || p.isEmpty()) {
            problems.add(Problem.at("/probes", "This field is required."));
        } else {
            for (int i = 0; i < p.size(); i++) {
                Selection s = selection(p.get(i), "/probes/" + i, problems);
                if (s != null) {
                    sels.add(s);
                }
            }
        }
        boolean oneOff = root.path("is_oneoff").asBoolean(false);
        Long start = epoch(root, "start_time", problems);
        Long stop = epoch(root, "stop_time", problems);
        if (start != null && stop != null && stop <= start) {
            problems.add(Problem.at("/stop_time", "The stop time must be after the start time."));
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, ApiError.invalid(problems));
        }
        return new Parsed(new CreateRequest(defs, sels, oneOff, start, oneOff ? null : stop), null);
    }

    private static Definition definition(JsonNode n, String at, List<Problem> problems) {
        if (!n.isObject()) {
            problems.add(Problem.at(at, "Expected an object."));
            return null;
        }
        int before = problems.size();
        String type = n.path("type").asText("");
        if (!type.equals("dns") && !type.equals("ping")) {
            problems.add(Problem.at(at + "/type", "\"" + type + "\" is not a valid choice."));
        }
        int af = n.path("af").asInt(4);
        if (af != 4 && af != 6) {
            problems.add(Problem.at(at + "/af", "\"" + n.path("af").asText() + "\" is not a valid choice."));
        }
        if (n.path("use_probe_resolver").asBoolean(false)) {
            problems.add(Problem.at(at + "/use_probe_resolver",
                    "Simulated probes have no resolver of their own; give a target."));
        }
        String target = text(n, "target");
        if (target == null || target.isBlank()) {
            problems.add(Problem.at(at + "/target", "This field is required."));
        }
        int interval = n.path("interval").asInt(DEFAULT_INTERVAL);
        if (n.hasNonNull("interval") && interval < 60) {
            problems.add(Problem.at(at + "/interval", "Ensure this value is greater than or equal to 60."));
        }
        String description = n.path("description").asText("");
        if (type.equals("ping")) {
            int packets = n.path("packets").asInt(3);
            if (packets < 1 || packets > 16) {
                problems.add(Problem.at(at + "/packets", "Ensure this value is between 1 and 16."));
            }
            return problems.size() > before ? null : new Definition(type, af, target, description, null, null, null,
                    false, false, null, 0, packets, n.path("size").asInt(48), interval);
        }
        String qclass = n.path("query_class").asText("IN").toUpperCase(Locale.ROOT);
        if (!qclass.equals("IN") && !qclass.equals("CHAOS")) {
            problems.add(Problem.at(at + "/query_class", "\"" + qclass + "\" is not a valid choice."));
        }
        String qtype = text(n, "query_type");
        if (qtype == null || org.xbill.DNS.Type.value(qtype) < 0) {
            problems.add(Problem.at(at + "/query_type", qtype == null ? "This field is required."
                    : "\"" + qtype + "\" is not a valid choice."));
        }
        String qarg = text(n, "query_argument");
        if (qarg == null || qarg.isBlank()) {
            problems.add(Problem.at(at + "/query_argument", "This field is required."));
        } else if (!isDomainName(qarg)) {
            problems.add(Problem.at(at + "/query_argument", "\"" + qarg + "\" is not a domain name."));
        }
        String protocol = n.path("protocol").asText("UDP").toUpperCase(Locale.ROOT);
        if (!protocol.equals("UDP") && !protocol.equals("TCP")) {
            problems.add(Problem.at(at + "/protocol", "\"" + protocol + "\" is not a valid choice."));
        }
        int payload = n.path("udp_payload_size").asInt(512);
        if (payload < 512 || payload > 4096) {
            problems.add(Problem.at(at + "/udp_payload_size", "Ensure this value is between 512 and 4096."));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Definition(type, af, target, description, qclass, qtype.toUpperCase(Locale.ROOT), qarg,
                n.path("set_nsid_bit").asBoolean(false), n.path("set_rd_bit").asBoolean(false), protocol, payload,
                0, 0, interval);
    }

    private static Selection selection(JsonNode n, String at, List<Problem> problems) {
        if (!n.isObject()) {
            problems.add(Problem.at(at, "Expected an object."));
            return null;
        }
        int before = problems.size();
        String type = n.path("type").asText("");
        if (!SELECTORS.contains(type)) {
            problems.add(Problem.at(at + "/type", "\"" + type + "\" is not a valid choice."));
        }
        String value = text(n, "value");
        if (value == null || value.isBlank()) {
            problems.add(Problem.at(at + "/value", "This field is required."));
        }
        JsonNode req = n.get("requested");
        if (req == null || !req.canConvertToInt() || req.asInt() < 1) {
            problems.add(Problem.at(at + "/requested", "Ensure this value is greater than or equal to 1."));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Selection(type, value.strip(), req.asInt(), strings(n.path("tags").path("include")),
                strings(n.path("tags").path("exclude")));
    }

    private static Long epoch(JsonNode root, String field, List<Problem> problems) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            problems.add(Problem.at("/" + field, "Expected a UNIX timestamp in seconds."));
            return null;
        }
        return v.asLong();
    }

    private static boolean isDomainName(String s) {
        try {
            org.xbill.DNS.Name.fromString(s, org.xbill.DNS.Name.root);
            return true;
        } catch (org.xbill.DNS.TextParseException e) {
            return false;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(t -> out.add(t.asText()));
        return out;
    }
}
