package net.nsglobal.atlas.probes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Filters for {@code GET /api/v2/probes/}. {@code pageSize} is capped at 500, the API's maximum; the client follows
 * {@code next} links until the last page. {@code tags} (comma-separated slugs; a probe must carry all of them) is
 * sent to the API; the API has no exclusion filter, so {@code excludeTags} is applied by the client to each probe's
 * {@code tags} list.
 */
public record ProbeQuery(Optional<String> countryCode, OptionalInt asnV4, Optional<String> status,
                         Optional<String> tags, int pageSize, List<String> excludeTags) {
    public static final int MAX_PAGE_SIZE = 500;

    public ProbeQuery {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("atlas: page_size must be 1..500, not " + pageSize);
        }
        excludeTags = List.copyOf(excludeTags);
    }

    public ProbeQuery(Optional<String> countryCode, OptionalInt asnV4, Optional<String> status, Optional<String> tags,
                      int pageSize) {
        this(countryCode, asnV4, status, tags, pageSize, List.of());
    }

    public static ProbeQuery all() {
        return new ProbeQuery(Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                MAX_PAGE_SIZE);
    }

    public ProbeQuery country(String cc) {
        return new ProbeQuery(Optional.of(cc), asnV4, status, tags, pageSize, excludeTags);
    }

    public ProbeQuery asn(int asn) {
        return new ProbeQuery(countryCode, OptionalInt.of(asn), status, tags, pageSize, excludeTags);
    }

    /** Status id as the API filters it: 1 = Connected. */
    public ProbeQuery connectedOnly() {
        return new ProbeQuery(countryCode, asnV4, Optional.of("1"), tags, pageSize, excludeTags);
    }

    public ProbeQuery pageSize(int size) {
        return new ProbeQuery(countryCode, asnV4, status, tags, size, excludeTags);
    }

    /** Only probes carrying every one of these tag slugs (added to those already required). */
    public ProbeQuery withTags(List<String> slugs) {
        if (slugs.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>();
        tags.ifPresent(t -> all.addAll(List.of(t.split(","))));
        all.addAll(slugs);
        return new ProbeQuery(countryCode, asnV4, status, Optional.of(String.join(",", all)), pageSize, excludeTags);
    }

    /** No probe carrying any of these tag slugs. */
    public ProbeQuery withoutTags(List<String> slugs) {
        List<String> all = new ArrayList<>(excludeTags);
        all.addAll(slugs);
        return new ProbeQuery(countryCode, asnV4, status, tags, pageSize, all);
    }

    /** Whether a probe the API returned passes the filters the API cannot apply. */
    public boolean admits(Probe p) {
        return excludeTags.stream().noneMatch(p::hasTag);
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
