package net.nsglobal.te.world.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.LongFunction;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.config.Cidr;
import net.nsglobal.te.world.api.CreateRequest.Selection;

/**
 * Allocates probes to a new measurement as the API does: each selection ({@code area}, {@code country},
 * {@code asn}, {@code prefix}, {@code probes}, {@code msm}) contributes up to {@code requested} connected probes that
 * match it and its tag filters, drawn at random (seeded by the measurement id, so a run is reproducible); a probe
 * picked by two selections takes part once.
 *
 * <p>The areas are RIPE's five regions, drawn on the probe's coordinates: West = the Americas, North-Central =
 * Europe and northern Africa, South-Central = southern Africa, North-East = Asia, South-East = Oceania. Tags are
 * the system tags a simulated probe can truthfully carry (see {@link #tags}).
 */
final class ProbeSelector {
    private ProbeSelector() {
    }

    /** The system tags of a simulated probe: what its record says it can do. */
    static List<String> tags(Probe p) {
        List<String> t = new ArrayList<>();
        if (p.addressV4() != null || p.asnV4() != null) {
            t.add("system-ipv4-works");
            t.add("system-ipv4-capable");
        }
        if (p.asnV6() != null) {
            t.add("system-ipv6-works");
            t.add("system-ipv6-capable");
        }
        if (p.anchor()) {
            t.add("system-anchor");
        }
        return t;
    }

    /** The API's status id: 0 Never Connected, 1 Connected, 2 Disconnected, 3 Abandoned. */
    static int statusId(Probe p) {
        String s = p.status() == null ? "Connected" : p.status();
        return switch (s) {
            case "Never Connected" -> 0;
            case "Disconnected" -> 2;
            case "Abandoned" -> 3;
            default -> 1;
        };
    }

    /**
     * @param probesOf the probes of an existing measurement (for {@code msm}), empty if there is none
     */
    static List<Probe> select(List<Probe> all, List<Selection> selections, long seed,
                              LongFunction<Optional<List<Integer>>> probesOf) {
        Map<Integer, Probe> chosen = new LinkedHashMap<>();
        Random random = new Random(seed);
        for (Selection s : selections) {
            List<Probe> matching = new ArrayList<>();
            Set<Integer> ids = s.type().equals("msm") ? msmProbes(s.value(), probesOf)
                    : s.type().equals("probes") ? idList(s.value()) : null;
            for (Probe p : all) {
                if (statusId(p) == 1 && !chosen.containsKey(p.id()) && matches(p, s, ids) && tagsMatch(p, s)) {
                    matching.add(p);
                }
            }
            matching.sort(Comparator.comparingInt(Probe::id));
            Collections.shuffle(matching, random);
            matching.stream().limit(s.requested()).forEach(p -> chosen.put(p.id(), p));
        }
        List<Probe> out = new ArrayList<>(chosen.values());
        out.sort(Comparator.comparingInt(Probe::id));
        return out;
    }

    private static boolean matches(Probe p, Selection s, Set<Integer> ids) {
        String v = s.value();
        return switch (s.type()) {
            case "area" -> inArea(p, v);
            case "country" -> v.equalsIgnoreCase(p.countryCode());
            case "asn" -> v.equals(String.valueOf(p.asnV4())) || v.equals(String.valueOf(p.asnV6()));
            case "prefix" -> inPrefix(p, v);
            case "probes", "msm" -> ids.contains(p.id());
            default -> false;
        };
    }

    private static boolean tagsMatch(Probe p, Selection s) {
        List<String> t = tags(p);
        return t.containsAll(s.tagsInclude()) && s.tagsExclude().stream().noneMatch(t::contains);
    }

    private static boolean inArea(Probe p, String area) {
        if (area.equalsIgnoreCase("WW")) {
            return true;
        }
        if (p.longitude() == null || p.latitude() == null) {
            return false;
        }
        double lon = p.longitude();
        double lat = p.latitude();
        return switch (area.toLowerCase(Locale.ROOT)) {
            case "west" -> lon < -30;
            case "north-central" -> lon >= -30 && lon < 60 && lat >= 0;
            case "south-central" -> lon >= -30 && lon < 60 && lat < 0;
            case "north-east" -> lon >= 60 && lat >= 0;
            case "south-east" -> lon >= 60 && lat < 0;
            default -> false;
        };
    }

    private static boolean inPrefix(Probe p, String prefix) {
        if (p.addressV4() == null) {
            return false;
        }
        try {
            return Cidr.of(prefix).contains(InetAddress.getByName(p.addressV4()));
        } catch (IllegalArgumentException | UnknownHostException e) {
            return false; // a value that is no prefix selects nobody, as an unknown country does
        }
    }

    private static Set<Integer> idList(String value) {
        Set<Integer> ids = new java.util.HashSet<>();
        for (String s : value.split(",")) {
            try {
                ids.add(Integer.parseInt(s.strip()));
            } catch (NumberFormatException e) {
                // not a probe id: selects nothing
            }
        }
        return ids;
    }

    private static Set<Integer> msmProbes(String value, LongFunction<Optional<List<Integer>>> probesOf) {
        try {
            return Set.copyOf(probesOf.apply(Long.parseLong(value.strip())).orElse(List.of()));
        } catch (NumberFormatException e) {
            return Set.of();
        }
    }
}
