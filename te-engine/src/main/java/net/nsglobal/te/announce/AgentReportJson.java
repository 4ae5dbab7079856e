package net.nsglobal.te.announce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one JSON shape of a site agent's report, written by {@link HttpAgentEvents} and read by the control plane's
 * {@code POST /api/v1/te/agents/{site}/events} (docs/api.md). Two kinds, told apart by {@code event}:
 * <pre>
 * {"event": "announce"|"drain"|"withdraw", "time", "from", "to", "reason", "checks": [{"check","healthy","detail"}]}
 * {"event": "status", "state", "since", "reason", "drain", "healthy_in_a_row", "failed_in_a_row", "rise", "fall",
 *  "checks": […], "last_check", "applied", "apply_error"}
 * </pre>
 * States are lower case ({@code announced}, {@code draining}, {@code withdrawn}), times RFC 3339. Bad input is an
 * IllegalArgumentException naming the field.
 */
public final class AgentReportJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentReportJson() {}

    /** What a report said. */
    public sealed interface Report {
        record Transition(AgentEvent event) implements Report {}

        record Status(AgentState state) implements Report {}
    }

    public static Map<String, Object> map(AgentEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", e.event());
        m.put("time", e.at().toString());
        m.put("from", name(e.from()));
        m.put("to", name(e.to()));
        m.put("reason", e.reason());
        m.put("checks", checks(e.checks()));
        return m;
    }

    public static Map<String, Object> map(AgentState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "status");
        m.put("state", name(s.state()));
        m.put("since", s.since().toString());
        m.put("reason", s.reason());
        m.put("drain", s.drain());
        m.put("healthy_in_a_row", s.healthyInARow());
        m.put("failed_in_a_row", s.failedInARow());
        m.put("rise", s.rise());
        m.put("fall", s.fall());
        m.put("checks", checks(s.lastChecks()));
        m.put("last_check", s.lastCheck() == null ? null : s.lastCheck().toString());
        m.put("applied", s.applied());
        m.put("apply_error", s.applyError());
        return m;
    }

    public static List<Map<String, Object>> checks(List<Verdict> verdicts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Verdict v : verdicts) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("check", v.check());
            c.put("healthy", v.healthy());
            c.put("detail", v.detail());
            out.add(c);
        }
        return out;
    }

    public static String write(Object report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("site-agent: report not writable as JSON", e);
        }
    }

    public static String name(AgentState.State s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** Reads one report of {@code site}; an IllegalArgumentException naming the field for anything else. */
    public static Report parse(String site, String body) {
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
        if (n == null || !n.isObject()) throw new IllegalArgumentException("the body must be a JSON object");
        String event = text(n, "event");
        if (event.equals("status")) {
            AgentState s = new AgentState(site, state(n, "state"), time(n, "since"), text(n, "reason"), bool(n, "drain"),
                    count(n, "healthy_in_a_row"), count(n, "failed_in_a_row"), count(n, "rise"), count(n, "fall"),
                    verdicts(n), n.path("last_check").isNull() || n.path("last_check").isMissingNode() ? null
                    : time(n, "last_check"), bool(n, "applied"),
                    n.path("apply_error").isTextual() ? n.get("apply_error").asText() : null);
            return new Report.Status(s);
        }
        AgentState.State entered;
        try {
            entered = AgentEvent.stateOf(event);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("event: " + e.getMessage() + " (nor status)");
        }
        AgentState.State to = state(n, "to");
        if (to != entered) throw new IllegalArgumentException("to: '" + name(to) + "' is not what " + event + " enters");
        AgentState.State from = state(n, "from");
        if (from == to) throw new IllegalArgumentException("from: the same state as to");
        return new Report.Transition(new AgentEvent(time(n, "time"), from, to, text(n, "reason"), verdicts(n)));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException(field + ": a string is required");
        if (v.asText().length() > 4000) throw new IllegalArgumentException(field + ": longer than 4000 characters");
        return v.asText();
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) throw new IllegalArgumentException(field + ": true or false is required");
        return v.asBoolean();
    }

    private static int count(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
            throw new IllegalArgumentException(field + ": a whole number ≥ 0 is required");
        }
        return v.asInt();
    }

    private static Instant time(JsonNode n, String field) {
        String t = text(n, field);
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + t + "' is not an RFC 3339 time (2026-12-07T08:00:00Z)");
        }
    }

    private static AgentState.State state(JsonNode n, String field) {
        String s = text(n, field);
        try {
            return AgentState.State.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": '" + s + "' is not announced, draining or withdrawn");
        }
    }

    private static List<Verdict> verdicts(JsonNode n) {
        JsonNode a = n.get("checks");
        if (a == null || !a.isArray()) throw new IllegalArgumentException("checks: a list is required (may be empty)");
        if (a.size() > 32) throw new IllegalArgumentException("checks: more than 32");
        List<Verdict> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonNode c = a.get(i);
            if (!c.isObject()) throw new IllegalArgumentException("checks[" + i + "]: an object is required");
            try {
                out.add(new Verdict(text(c, "check"), bool(c, "healthy"), text(c, "detail")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("checks[" + i + "]." + e.getMessage());
            }
        }
        return out;
    }
}
