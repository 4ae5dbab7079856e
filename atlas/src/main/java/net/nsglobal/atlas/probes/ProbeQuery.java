package net.nsglobal.atlas.probes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Filters for {@code GET /api/v2/probes/}. {@code pageSize} is capped at 500, the API's maximum; the client follows
 * {@code next} links until the last page.
 */
public record ProbeQuery(Optional<String> countryCode, OptionalInt asnV4, Optional<String> status,
                         Optional<String> tags, int pageSize) {
    public static final int MAX_PAGE_SIZE = 500;

    public ProbeQuery {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("atlas: page_size must be 1..500, not " + pageSize);
        }
    }

    public static ProbeQuery all() {
        return new ProbeQuery(Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                MAX_PAGE_SIZE);
    }

    public ProbeQuery country(String cc) {
        return new ProbeQuery(Optional.of(cc), asnV4, status, tags, pageSize);
    }

    public ProbeQuery asn(int asn) {
        return new ProbeQuery(countryCode, OptionalInt.of(asn), status, tags, pageSize);
    }

    /** Status id as the API filters it: 1 = Connected. */
    public ProbeQuery connectedOnly() {
        return new ProbeQuery(countryCode, asnV4, Optional.of("1"), tags, pageSize);
    }

    public ProbeQuery pageSize(int size) {
        return new ProbeQuery(countryCode, asnV4, status, tags, size);
    }

    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        countryCode.ifPresent(c -> p.put("country_code", c));
        asnV4.ifPresent(a -> p.put("asn_v4", Integer.toString(a)));
        status.ifPresent(s -> p.put("status", s));
        tags.ifPresent(t -> p.put("tags", t));
        p.put("page_size", Integer.toString(pageSize));
        return p;
    }
}
