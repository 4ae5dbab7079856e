package net.nsglobal.atlas.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the request's {@code probes} array: which probes take part. {@code type} is one of the API's
 * selectors ({@code area} WW/West/North-Central/South-Central/North-East/South-East, {@code country} ISO code,
 * {@code asn}, {@code prefix}, {@code probes} comma-separated ids, {@code msm} reuse another measurement's probes),
 * {@code requested} how many, and optional tag include/exclude filters.
 */
public record ProbeSelection(Type type, String value, int requested, List<String> tagsInclude,
                             List<String> tagsExclude) {

    public enum Type {
        AREA, COUNTRY, ASN, PREFIX, PROBES, MSM;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ProbeSelection {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (requested < 1) {
            throw new IllegalArgumentException("atlas: requested must be >= 1, not " + requested);
        }
        tagsInclude = List.copyOf(tagsInclude);
        tagsExclude = List.copyOf(tagsExclude);
    }

    public static ProbeSelection of(Type type, String value, int requested) {
        return new ProbeSelection(type, value, requested, List.of(), List.of());
    }

    /** Parses the CLI's {@code TYPE:VALUE:REQUESTED} form, e.g. {@code area:WW:500} or {@code country:NL:50}. */
    public static ProbeSelection parse(String spec) {
        String[] parts = spec.split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("atlas: probe selection must be TYPE:VALUE[:REQUESTED], got '" + spec
                    + "'");
        }
        Type type;
        try {
            type = Type.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("atlas: unknown probe selection type '" + parts[0] + "'", e);
        }
        int requested = parts.length == 3 ? Integer.parseInt(parts[2]) : defaultRequested(type, parts[1]);
        return of(type, parts[1], requested);
    }

    private static int defaultRequested(Type type, String value) {
        return type == Type.PROBES ? value.split(",").length : 10;
    }

    public ProbeSelection withTags(List<String> include, List<String> exclude) {
        return new ProbeSelection(type, value, requested, include, exclude);
    }

    void writeTo(ObjectNode p) {
        p.put("type", type.apiName());
        p.put("value", value);
        p.put("requested", requested);
        if (!tagsInclude.isEmpty() || !tagsExclude.isEmpty()) {
            ObjectNode tags = p.putObject("tags");
            tags.putArray("include").addAll(tagsInclude.stream().map(tags::textNode).toList());
            tags.putArray("exclude").addAll(tagsExclude.stream().map(tags::textNode).toList());
        }
    }
}
