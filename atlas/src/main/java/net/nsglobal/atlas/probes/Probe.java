package net.nsglobal.atlas.probes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Probe metadata as {@code GET /api/v2/probes/} returns it. Coordinates come from the GeoJSON
 * {@code geometry.coordinates}, which is {@code [lon, lat]} (RFC 7946 §3.1.1) — not lat/lon. RIPE blurs them slightly
 * for privacy. {@code status} is the status name ("Connected", "Disconnected", "Abandoned", "Never Connected"): the
 * API sends an object {@code {"id", "name", "since"}}, older dumps a bare string. {@code tags} are the tag slugs
 * (the API sends {@code [{"name": "IPv6 Works", "slug": "system-ipv6-works"}, …]}; older dumps bare slugs).
 */
public record Probe(int id, Integer asnV4, Integer asnV6, String countryCode, Double longitude, Double latitude,
                    String status, boolean anchor, String addressV4, List<String> tags) {

    public Probe {
        tags = List.copyOf(tags);
    }

    /** A probe whose tags are not known. */
    public Probe(int id, Integer asnV4, Integer asnV6, String countryCode, Double longitude, Double latitude,
                 String status, boolean anchor, String addressV4) {
        this(id, asnV4, asnV6, countryCode, longitude, latitude, status, anchor, addressV4, List.of());
    }

    /**
     * @throws IllegalArgumentException if the object has no numeric {@code id} (callers skip and count it).
     */
    public static Probe fromJson(JsonNode n) {
        JsonNode id = n.get("id");
        if (id == null || !id.isIntegralNumber()) {
            throw new IllegalArgumentException("probe without a numeric id");
        }
        Double lon = null;
        Double lat = null;
        JsonNode coords = n.path("geometry").path("coordinates");
        if (coords.isArray() && coords.size() == 2 && coords.get(0).isNumber() && coords.get(1).isNumber()) {
            lon = coords.get(0).asDouble();
            lat = coords.get(1).asDouble();
        }
        JsonNode status = n.get("status");
        String statusName = status == null || status.isNull() ? null
                : status.isObject() ? status.path("name").asText(null) : status.asText();
        return new Probe(id.asInt(), asn(n, "asn_v4", "asn_v4_derived"), asn(n, "asn_v6", null),
                text(n, "country_code"), lon, lat, statusName, n.path("is_anchor").asBoolean(false),
                text(n, "address_v4"), tags(n.get("tags")));
    }

    public boolean hasTag(String slug) {
        return tags.contains(slug);
    }

    private static List<String> tags(JsonNode tags) {
        List<String> out = new ArrayList<>();
        if (tags == null || !tags.isArray()) {
            return out;
        }
        for (JsonNode t : tags) {
            String slug = t.isObject() ? t.path("slug").asText(null) : t.isTextual() ? t.asText() : null;
            if (slug != null && !slug.isEmpty()) {
                out.add(slug);
            }
        }
        return out;
    }

    private static Integer asn(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        if ((v == null || v.isNull()) && fallback != null) {
            v = n.get(fallback);
        }
        return v == null || !v.isIntegralNumber() ? null : v.asInt();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
