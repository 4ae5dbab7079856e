package net.nsglobal.te.world.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.te.world.api.CreateRequest.Definition;

/**
 * One simulated measurement and the results it has produced. Rounds are measured lazily: when the measurement is
 * read at simulation time {@code now}, every round due by then (from {@code start_time}, one per {@code interval};
 * one only if one-off) that has not been measured yet is measured now, paid for, and kept, so a round is measured
 * once and reads the same afterwards.
 *
 * <pre>
 *   Scheduled ──start_time reached──▶ Ongoing ──stop_time / DELETE / one-off round done──▶ Stopped
 *       │                                 └──credits run out──▶ Forced to stop
 *       └──no probe matched the selection──▶ No suitable probes (at creation)
 * </pre>
 */
final class Measurement {
    private final long id;
    private final Definition definition;
    private final boolean oneOff;
    private final long creationTime;
    private final long startTime;
    private final Long stopTime;
    private final String owner;
    private final List<Probe> probes;
    private final int probesRequested;
    private final TreeMap<Long, List<ObjectNode>> rounds = new TreeMap<>();
    private long nextRound;
    private Long stoppedAt;
    private boolean forced;

    Measurement(long id, Definition definition, CreateRequest request, long now, String owner, List<Probe> probes) {
        this.id = id;
        this.definition = definition;
        this.oneOff = request.oneOff();
        this.creationTime = now;
        this.startTime = request.startTime() != null ? Math.max(now, request.startTime()) : now;
        this.stopTime = request.stopTime();
        this.owner = owner;
        this.probes = List.copyOf(probes);
        this.probesRequested = request.probes().stream().mapToInt(CreateRequest.Selection::requested).sum();
        this.nextRound = startTime;
    }

    long id() {
        return id;
    }

    String owner() {
        return owner;
    }

    List<Integer> probeIds() {
        return probes.stream().map(Probe::id).toList();
    }

    /** Credits one result costs: 10 for a DNS query; one per ping packet of up to 1500 bytes. */
    int creditsPerResult() {
        return creditsPerResult(definition);
    }

    static int creditsPerResult(Definition d) {
        return d.isDns() ? 10 : d.packets() * (d.size() / 1500 + 1);
    }

    /** Results a day at the current schedule: 0 for one-offs and measurements no longer running. */
    synchronized long resultsPerDay(long now) {
        return oneOff || !running(now) ? 0 : (long) probes.size() * 86_400 / definition.interval();
    }

    synchronized boolean running(long now) {
        return !probes.isEmpty() && !forced && stoppedAt == null && (stopTime == null || now < stopTime)
                && !(oneOff && !rounds.isEmpty());
    }

    synchronized void stop(long now) {
        if (stoppedAt == null) {
            stoppedAt = now;
        }
    }

    /** Measures every round due by {@code now}; stops, forced, when the credits do not cover a round. */
    synchronized void catchUp(long now, RoundRunner runner, Ledger credits) {
        if (probes.isEmpty()) {
            return;
        }
        long end = Math.min(stoppedAt == null ? Long.MAX_VALUE : stoppedAt, stopTime == null ? Long.MAX_VALUE
                : stopTime);
        while (!forced && nextRound <= now && (oneOff ? rounds.isEmpty() && stoppedAt == null : nextRound < end)) {
            if (!credits.charge((long) creditsPerResult() * probes.size(), probes.size(), nextRound)) {
                forced = true;
                break;
            }
            rounds.put(nextRound, runner.run(id, definition, probes, nextRound));
            nextRound += definition.interval();
        }
    }

    /** Results with {@code start <= timestamp <= stop} of the given probes (all if empty), oldest first. */
    synchronized List<ObjectNode> results(long start, long stop, Collection<Integer> probeIds) {
        List<ObjectNode> out = new ArrayList<>();
        for (List<ObjectNode> round : rounds.subMap(start, true, stop, true).values()) {
            for (ObjectNode r : round) {
                if (probeIds.isEmpty() || probeIds.contains(r.get("prb_id").asInt())) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Each probe's most recent result. */
    synchronized List<ObjectNode> latest(Collection<Integer> probeIds) {
        Map<Integer, ObjectNode> last = new HashMap<>();
        for (List<ObjectNode> round : rounds.values()) {
            for (ObjectNode r : round) {
                int prb = r.get("prb_id").asInt();
                if (probeIds.isEmpty() || probeIds.contains(prb)) {
                    last.put(prb, r);
                }
            }
        }
        return last.values().stream().sorted(java.util.Comparator.comparingInt(r -> r.get("prb_id").asInt()))
                .toList();
    }

    /** {@code GET /api/v2/measurements/{id}/} as the API writes it. */
    synchronized ObjectNode toJson(long now, String apiUrl) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", id);
        o.put("type", definition.type());
        o.put("af", definition.af());
        o.put("target", definition.target());
        o.put("target_ip", definition.target());
        o.put("description", definition.description());
        ObjectNode status = o.putObject("status");
        int s = status(now);
        status.put("id", s);
        status.put("name", STATUS_NAMES.get(s));
        if (s == 4 || s == 5) {
            status.put("when", stoppedAt != null ? stoppedAt : stopTime != null && stopTime <= now ? stopTime
                    : nextRound);
        } else {
            status.putNull("when");
        }
        o.put("is_oneoff", oneOff);
        if (oneOff) {
            o.putNull("interval");
        } else {
            o.put("interval", definition.interval());
        }
        o.put("creation_time", creationTime);
        o.put("start_time", startTime);
        if (stopTime == null && stoppedAt == null) {
            o.putNull("stop_time");
        } else {
            o.put("stop_time", stoppedAt != null ? stoppedAt : stopTime);
        }
        o.put("probes_requested", probesRequested);
        o.put("probes_scheduled", probes.size());
        o.put("participant_count", rounds.isEmpty() ? null : probes.size());
        o.put("credits_per_result", creditsPerResult());
        o.put("estimated_results_per_day", resultsPerDay(now));
        o.put("is_public", true);
        o.put("resolve_on_probe", false);
        o.put("spread", (Integer) null);
        o.put("result", apiUrl + "measurements/" + id + "/results/");
        if (definition.isDns()) {
            o.put("query_class", definition.queryClass());
            o.put("query_type", definition.queryType());
            o.put("query_argument", definition.queryArgument());
            o.put("set_nsid_bit", definition.setNsidBit());
            o.put("set_rd_bit", definition.setRdBit());
            o.put("protocol", definition.protocol());
            o.put("udp_payload_size", definition.udpPayloadSize());
            o.put("use_probe_resolver", false);
        } else {
            o.put("packets", definition.packets());
            o.put("size", definition.size());
        }
        return o;
    }

    private static final Map<Integer, String> STATUS_NAMES = Map.of(1, "Scheduled", 2, "Ongoing", 4, "Stopped",
            5, "Forced to stop", 6, "No suitable probes");

    /** The API's status id: 1 Scheduled, 2 Ongoing, 4 Stopped, 5 Forced to stop, 6 No suitable probes. */
    private int status(long now) {
        if (probes.isEmpty()) {
            return 6;
        }
        if (forced) {
            return 5;
        }
        if (!running(now)) {
            return 4;
        }
        return now < startTime ? 1 : 2;
    }
}
