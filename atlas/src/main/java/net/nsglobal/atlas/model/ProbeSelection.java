package net.nsglobal.atlas.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the request's {@code probes} array: which probes take part. {@code type} is one of the API's
 * selectors ("Probe Selection"): {@code area} WW/West/North-Central/South-Central/North-East/South-East,
 * {@code region} (e.g. {@code europe}, {@code western_europe}, {@code ripencc}), {@code country} ISO code,
 * {@code countries} comma-separated ISO codes, {@code asn}, {@code prefix} (IPv4 or IPv6), {@code probes}
 * comma-separated ids, {@code msm} reuse another measurement's probes; {@code requested} how many, and optional tag
 * include/exclude filters (probe tag slugs, e.g. {@code system-ipv6-works}).
 */
public record ProbeSelection(Type type, String value, int requested, List<String> tagsInclude,
                             List<String> tagsExclude) {

    public enum Type {
        AREA, REGION, COUNTRY, COUNTRIES, ASN, PREFIX, PROBES, MSM;

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

    /**
     * Parses the CLI's {@code TYPE:VALUE[:REQUESTED]} form, e.g. {@code area:WW:500}, {@code countries:NL,DE:50},
     * {@code region:western_europe:20} or {@code prefix:2001:db8::/32:10}. The value may itself contain colons (an
     * IPv6 prefix): the type ends at the first colon, and a trailing {@code :DIGITS} is the count, except where it
     * would cut an IPv6 prefix that has no length (write those as {@code ADDR/LEN}).
     */
    public static ProbeSelection parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("atlas: probe selection must be TYPE:VALUE[:REQUESTED], got '" + spec
                    + "'");
        }
        String typeName = spec.substring(0, colon);
        Type type;
        try {
            type = Type.valueOf(typeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("atlas: unknown probe selection type '" + typeName + "' (one of area, "
                    + "region, country, countries, asn, prefix, probes, msm)", e);
        }
        String rest = spec.substring(colon + 1);
        String value = rest;
        Integer requested = null;
        int last = rest.lastIndexOf(':');
        if (last > 0 && rest.substring(last + 1).matches("\\d+")) {
            String head = rest.substring(0, last);
            // An IPv6 prefix is written ADDR/LEN, so a count can only follow it after the "/LEN".
            if (type != Type.PREFIX || head.contains("/")) {
                value = head;
                requested = Integer.parseInt(rest.substring(last + 1));
            }
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("atlas: probe selection '" + spec + "' has no value");
        }
        if (type == Type.PREFIX && !value.contains("/")) {
            throw new IllegalArgumentException("atlas: prefix '" + value + "' needs a length, e.g. 2001:db8::/32");
        }
        return of(type, value, requested != null ? requested : defaultRequested(type, value));
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
