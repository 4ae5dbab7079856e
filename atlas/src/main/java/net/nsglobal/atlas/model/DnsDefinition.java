package net.nsglobal.atlas.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A DNS measurement definition. For catchment mapping the query is CHAOS TXT {@code hostname.bind} (or
 * {@code id.server}) with the NSID bit set (RFC 5001 §2.1) sent straight to the anycast address, never through
 * the probe's resolver, with {@code include_abuf} so the raw answer (and its OPT record) can be decoded.
 */
public record DnsDefinition(int af, String target, String description, QueryClass queryClass, String queryType,
                            String queryArgument, boolean setNsidBit, boolean useProbeResolver, Protocol protocol,
                            int udpPayloadSize, boolean includeAbuf, boolean setRdBit) implements MeasurementDefinition {

    public enum QueryClass { IN, CHAOS }

    public enum Protocol { UDP, TCP }

    public DnsDefinition {
        Objects.requireNonNull(queryClass, "query_class");
        Objects.requireNonNull(queryType, "query_type");
        Objects.requireNonNull(queryArgument, "query_argument");
        Objects.requireNonNull(protocol, "protocol");
        if (!useProbeResolver) {
            Objects.requireNonNull(target, "atlas: a DNS definition needs a target unless use_probe_resolver");
        }
        if (af != 4 && af != 6) {
            throw new IllegalArgumentException("atlas: af must be 4 or 6, not " + af);
        }
    }

    /** CHAOS TXT hostname.bind + NSID over UDP to {@code target}: the catchment query. */
    public static DnsDefinition catchment(String target, int af) {
        return new DnsDefinition(af, target, "NS-Global catchment " + target, QueryClass.CHAOS, "TXT",
                "hostname.bind", true, false, Protocol.UDP, 1232, true, false);
    }

    @Override
    public String type() {
        return "dns";
    }

    @Override
    public void writeTo(ObjectNode d) {
        d.put("type", type());
        d.put("af", af);
        if (target != null) {
            d.put("target", target);
        }
        d.put("description", description);
        d.put("query_class", queryClass.name());
        d.put("query_type", queryType);
        d.put("query_argument", queryArgument);
        d.put("set_nsid_bit", setNsidBit);
        d.put("use_probe_resolver", useProbeResolver);
        d.put("protocol", protocol.name());
        d.put("udp_payload_size", udpPayloadSize);
        d.put("include_abuf", includeAbuf);
        d.put("set_rd_bit", setRdBit);
    }
}
