package net.nsglobal.dashboard.web;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.platform.sites.Site;

/**
 * One colour per site, the same on the map, in the charts and in the tables' swatches: the sites in id order take
 * the colours in turn (12 distinct hues, then again from the start). Probes without an answer are grey.
 */
final class Palette {
    static final String NO_ANSWER = "#9aa3ad";
    private static final String[] HUES = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
            "#e377c2", "#17becf", "#bcbd22", "#393b79", "#ad494a", "#006d2c"};

    private final Map<String, String> bySite = new LinkedHashMap<>();

    Palette(List<Site> sites) {
        List<String> ids = new ArrayList<>(sites.stream().map(Site::id).toList());
        ids.sort(null);
        for (int i = 0; i < ids.size(); i++) bySite.put(ids.get(i), HUES[i % HUES.length]);
    }

    /** The site's colour as {@code #rrggbb}; a site the fleet does not list (or null: no answer) is grey. */
    String hex(String site) {
        return site == null ? NO_ANSWER : bySite.getOrDefault(site, NO_ANSWER);
    }

    Color color(String site) { return Color.decode(hex(site)); }
}
