package net.nsglobal.te.world.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.nsglobal.atlas.probes.Probe;

/**
 * {@code GET /api/v2/probes/}: the world's probes, filtered ({@code id__in}, {@code country_code}, {@code asn_v4},
 * {@code asn_v6}, {@code asn}, {@code status}, {@code is_anchor}, {@code tags}) and paged as the API pages
 * ({@code count}, absolute {@code next}/{@code previous} links, {@code page_size} at most 500, default 100).
 */
final class ProbesPage {
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;

    private ProbesPage() {
    }

    static Reply answer(List<Probe> all, Map<String, String> q, String apiUrl) {
        int pageSize;
        int page;
        try {
            pageSize = Integer.parseInt(q.getOrDefault("page_size", Integer.toString(DEFAULT_PAGE_SIZE)));
        } catch (NumberFormatException e) {
            return ApiError.badParameter("page_size", "A valid integer is required.");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            return ApiError.badParameter("page_size", "Must be between 1 and " + MAX_PAGE_SIZE);
        }
        try {
            page = Integer.parseInt(q.getOrDefault("page", "1"));
        } catch (NumberFormatException e) {
            return ApiError.of(404, ApiError.CODE_REQUEST, "Not Found", "Invalid page.", List.of());
        }
        Predicate<Probe> filter;
        try {
            filter = filter(q);
        } catch (NumberFormatException e) {
            return ApiError.badParameter(e.getMessage(), "Enter a whole number.");
        }
        List<Probe> matching = all.stream().filter(filter).sorted(Comparator.comparingInt(Probe::id)).toList();
        int pages = Math.max(1, (matching.size() + pageSize - 1) / pageSize);
        if (page < 1 || page > pages) {
            return ApiError.of(404, ApiError.CODE_REQUEST, "Not Found", "Invalid page.", List.of());
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("count", matching.size());
        o.put("next", page < pages ? link(apiUrl, q, page + 1) : null);
        o.put("previous", page > 1 ? link(apiUrl, q, page - 1) : null);
        ArrayNode results = o.putArray("results");
        matching.subList((page - 1) * pageSize, Math.min(matching.size(), page * pageSize))
                .forEach(p -> write(p, results.addObject()));
        return Reply.ok(o);
    }

    private static Predicate<Probe> filter(Map<String, String> q) {
        List<Predicate<Probe>> all = new ArrayList<>();
        if (q.containsKey("id__in")) {
            Set<Integer> ids = Arrays.stream(q.get("id__in").split(",")).map(String::strip)
                    .map(s -> parse("id__in", s)).collect(Collectors.toSet());
            all.add(p -> ids.contains(p.id()));
        }
        if (q.containsKey("country_code")) {
            all.add(p -> q.get("country_code").equalsIgnoreCase(p.countryCode()));
        }
        if (q.containsKey("asn_v4")) {
            int asn = parse("asn_v4", q.get("asn_v4"));
            all.add(p -> p.asnV4() != null && p.asnV4() == asn);
        }
        if (q.containsKey("asn_v6")) {
            int asn = parse("asn_v6", q.get("asn_v6"));
            all.add(p -> p.asnV6() != null && p.asnV6() == asn);
        }
        if (q.containsKey("asn")) {
            int asn = parse("asn", q.get("asn"));
            all.add(p -> (p.asnV4() != null && p.asnV4() == asn) || (p.asnV6() != null && p.asnV6() == asn));
        }
        if (q.containsKey("status")) {
            int status = parse("status", q.get("status"));
            all.add(p -> ProbeSelector.statusId(p) == status);
        }
        if (q.containsKey("is_anchor")) {
            boolean anchor = Boolean.parseBoolean(q.get("is_anchor"));
            all.add(p -> p.anchor() == anchor);
        }
        if (q.containsKey("tags")) {
            List<String> tags = Arrays.stream(q.get("tags").split(",")).map(String::strip).toList();
            all.add(p -> ProbeSelector.tags(p).containsAll(tags));
        }
        return p -> all.stream().allMatch(f -> f.test(p));
    }

    /** @throws NumberFormatException whose message is the parameter's name */
    private static int parse(String param, String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new NumberFormatException(param);
        }
    }

    private static String link(String apiUrl, Map<String, String> q, int page) {
        StringBuilder sb = new StringBuilder(apiUrl).append("probes/?");
        q.forEach((k, v) -> {
            if (!k.equals("page")) {
                sb.append(enc(k)).append('=').append(enc(v)).append('&');
            }
        });
        return sb.append("page=").append(page).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** One probe as the API writes it (coordinates GeoJSON {@code [lon, lat]}, RFC 7946 §3.1.1). */
    static void write(Probe p, ObjectNode o) {
        o.put("id", p.id());
        o.put("address_v4", p.addressV4());
        o.putNull("address_v6");
        o.put("asn_v4", p.asnV4());
        o.put("asn_v6", p.asnV6());
        o.put("country_code", p.countryCode());
        o.put("description", "");
        if (p.longitude() != null && p.latitude() != null) {
            ObjectNode g = o.putObject("geometry");
            g.put("type", "Point");
            g.putArray("coordinates").add(p.longitude()).add(p.latitude());
        } else {
            o.putNull("geometry");
        }
        o.put("is_anchor", p.anchor());
        o.put("is_public", true);
        o.putNull("prefix_v4");
        o.putNull("prefix_v6");
        int status = ProbeSelector.statusId(p);
        ObjectNode st = o.putObject("status");
        st.put("id", status);
        st.put("name", p.status() == null ? "Connected" : p.status());
        st.putNull("since");
        ArrayNode tags = o.putArray("tags");
        for (String t : ProbeSelector.tags(p)) {
            tags.addObject().put("name", t).put("slug", t);
        }
        o.put("type", "Probe");
    }
}
