package net.nsglobal.atlas.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** A ping measurement definition: the latency oracle towards one site's unicast address. */
public record PingDefinition(int af, String target, String description, int packets, int size)
        implements MeasurementDefinition {

    public PingDefinition {
        Objects.requireNonNull(target, "atlas: a ping definition needs a target");
        if (af != 4 && af != 6) {
            throw new IllegalArgumentException("atlas: af must be 4 or 6, not " + af);
        }
        if (packets < 1 || packets > 16) {
            throw new IllegalArgumentException("atlas: ping packets must be 1..16, not " + packets);
        }
    }

    public static PingDefinition of(String target, int af) {
        return new PingDefinition(af, target, "NS-Global ping " + target, 3, 48);
    }

    @Override
    public String type() {
        return "ping";
    }

    @Override
    public void writeTo(ObjectNode d) {
        d.put("type", type());
        d.put("af", af);
        d.put("target", target);
        d.put("description", description);
        d.put("packets", packets);
        d.put("size", size);
    }
}
