package net.nsglobal.atlas.probes;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Probe metadata. Coordinates come from the GeoJSON {@code geometry.coordinates}, which is {@code [lon, lat]}
 * (RFC 7946 §3.1.1) — not lat/lon. RIPE blurs them slightly for privacy. {@code status} is the status name
 * ("Connected", "Disconnected", "Abandoned", "Never Connected").
 */
public record Probe(int id, Integer asnV4, Integer asnV6, String countryCode, Double longitude, Double latitude,
                    String status, boolean anchor, String addressV4) {

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
                text(n, "address_v4"));
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
