package net.nsglobal.atlas.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A measurement-creation request: several definitions that share one probe set and one schedule, sent in one POST
 * so the API allocates the same probes to all of them (REST API manual, "Creating measurements").
 */
public record MeasurementRequest(List<MeasurementDefinition> definitions, List<ProbeSelection> probes,
                                 Schedule schedule, Optional<String> billTo) {

    public MeasurementRequest {
        definitions = List.copyOf(definitions);
        probes = List.copyOf(probes);
        if (definitions.isEmpty()) {
            throw new IllegalArgumentException("atlas: a request needs at least one definition");
        }
        if (probes.isEmpty()) {
            throw new IllegalArgumentException("atlas: a request needs at least one probe selection");
        }
    }

    public static MeasurementRequest oneOff(List<MeasurementDefinition> definitions, ProbeSelection probes) {
        return new MeasurementRequest(definitions, List.of(probes), Schedule.oneOff(), Optional.empty());
    }

    /** Total probes requested across the selections (an upper bound on participants). */
    public int probesRequested() {
        return probes.stream().mapToInt(ProbeSelection::requested).sum();
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode defs = root.putArray("definitions");
        for (MeasurementDefinition d : definitions) {
            ObjectNode node = defs.addObject();
            d.writeTo(node);
            if (schedule instanceof Schedule.Periodic p) {
                node.put("interval", p.interval().toSeconds());
            }
        }
        ArrayNode sel = root.putArray("probes");
        probes.forEach(p -> p.writeTo(sel.addObject()));
        root.put("is_oneoff", schedule instanceof Schedule.OneOff);
        schedule.start().ifPresent(s -> root.put("start_time", s.getEpochSecond()));
        if (schedule instanceof Schedule.Periodic p) {
            p.stop().ifPresent(s -> root.put("stop_time", s.getEpochSecond()));
        }
        billTo.ifPresent(b -> root.put("bill_to", b));
        return root;
    }
}
