package net.nsglobal.dashboard.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.analyze.ProbeRound;

/**
 * The catchment map as server-rendered SVG: Natural Earth's countries (a GeoJSON file, read and projected once),
 * every probe of a round as a dot in its site's colour with a {@code <title>} for hover (probe, ASN, country, site,
 * RTT, inflation), probes that changed site since the previous round ringed, and each site as a square labelled with
 * its share. No tiles, no script: the browser's own tooltip shows the titles.
 *
 * <p>Projection: Natural Earth I (Šavrič, Jenny, Patterson, Petrovič and Hurni, 2011), a polynomial pseudo-cylindrical
 * projection that keeps the continents' shapes familiar at world scale without Robinson's look-up table.
 */
final class MapSvg {
    static final int WIDTH = 960;
    private static final double X_MAX = naturalEarth(Math.PI, 0)[0];
    private static final double Y_MAX = naturalEarth(0, Math.PI / 2)[1];
    private static final double SCALE = (WIDTH - 20) / (2 * X_MAX);
    static final int HEIGHT = (int) Math.ceil(2 * Y_MAX * SCALE + 20);

    private final String countries;

    /** @param countriesGeoJson a GeoJSON FeatureCollection of (Multi)Polygons, e.g. Natural Earth's 1:110m countries */
    MapSvg(Path countriesGeoJson) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(countriesGeoJson)) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("dashboard map: cannot read the countries GeoJSON " + countriesGeoJson
                    + ": " + e.getMessage(), e);
        }
        if (root == null || !root.path("features").isArray()) {
            throw new IllegalArgumentException("dashboard map: " + countriesGeoJson
                    + " is not a GeoJSON FeatureCollection (no \"features\" array)");
        }
        StringBuilder b = new StringBuilder(256 * 1024);
        b.append("<g class=\"countries\" fill=\"#e3e8ee\" stroke=\"#ffffff\" stroke-width=\"0.5\">");
        for (JsonNode f : root.path("features")) {
            JsonNode g = f.path("geometry");
            StringBuilder d = new StringBuilder();
            switch (g.path("type").asText()) {
                case "Polygon" -> polygon(g.path("coordinates"), d);
                case "MultiPolygon" -> { for (JsonNode p : g.path("coordinates")) polygon(p, d); }
                default -> { }
            }
            if (d.length() == 0) continue;
            b.append("<path d=\"").append(d).append("\"><title>")
                    .append(Xml.escape(f.path("properties").path("name").asText(""))).append("</title></path>");
        }
        this.countries = b.append("</g>").toString();
    }

    /** The probes and sites to draw: only the probes in {@code region} (a continent code) or at {@code site}, if set. */
    record Filter(String region, String site) {
        boolean keeps(ProbeRound p) {
            return (region == null || region.equals(p.region())) && (site == null || site.equals(p.site()));
        }
    }

    /**
     * @param probes the round's probes (already filtered)
     * @param share  the share of each site among the probes drawn (0…1), for the sites' labels
     */
    String render(List<ProbeRound> probes, List<Site> sites, Map<String, Double> share, Palette palette) {
        StringBuilder b = new StringBuilder(countries.length() + probes.size() * 220 + 4096);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"catchment-map\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"map-title\">")
                .append("<title id=\"map-title\">Catchment map: ").append(probes.size())
                .append(" probe(s), coloured by the site that answered them</title>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#f7fafd\"/>").append(countries);
        b.append("<g class=\"probes\">");
        for (ProbeRound p : probes) dot(p, palette, b);
        b.append("</g><g class=\"sites\">");
        for (Site s : sites) {
            double[] xy = xy(s.longitude(), s.latitude());
            double pct = 100 * share.getOrDefault(s.id(), 0.0);
            String label = s.id() + " " + fmt(pct) + "%";
            b.append("<g class=\"site\" data-site=\"").append(Xml.escape(s.id())).append("\"><title>")
                    .append(Xml.escape("site " + s.id() + " (" + s.city() + ", " + s.country() + ")\nshare "
                            + fmt(pct) + "% of the probes shown"))
                    .append("</title><rect x=\"").append(fmt(xy[0] - 5)).append("\" y=\"").append(fmt(xy[1] - 5))
                    .append("\" width=\"10\" height=\"10\" fill=\"").append(palette.hex(s.id()))
                    .append("\" stroke=\"#111\" stroke-width=\"1.5\"/><text x=\"").append(fmt(xy[0] + 8))
                    .append("\" y=\"").append(fmt(xy[1] + 4)).append("\" font-size=\"11\" font-family=\"sans-serif\" ")
                    .append("fill=\"#111\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">")
                    .append(Xml.escape(label)).append("</text></g>");
        }
        return b.append("</g></svg>").toString();
    }

    private static void dot(ProbeRound p, Palette palette, StringBuilder b) {
        double[] xy = xy(p.lon(), p.lat());
        String site = p.site() == null ? "none" : p.site();
        b.append("<circle class=\"probe").append(p.flipped() ? " flipped" : "").append("\" data-probe=\"")
                .append(p.probeId()).append("\" data-site=\"").append(Xml.escape(site)).append("\" cx=\"")
                .append(fmt(xy[0])).append("\" cy=\"").append(fmt(xy[1])).append("\" r=\"")
                .append(p.flipped() ? "4" : "3").append("\" fill=\"").append(palette.hex(p.site())).append('"');
        if (p.flipped()) b.append(" stroke=\"#111\" stroke-width=\"1.5\"");
        else b.append(" fill-opacity=\"0.8\"");
        b.append("><title>").append(Xml.escape(title(p))).append("</title></circle>");
    }

    /** The hover text of a probe's dot. */
    static String title(ProbeRound p) {
        StringBuilder t = new StringBuilder("probe ").append(p.probeId());
        t.append("\nASN ").append(p.asn() == null ? "unknown" : "AS" + p.asn());
        t.append("\ncountry ").append(p.country() == null ? "unknown" : p.country());
        t.append("\nsite ").append(p.site() == null ? "no answer" : p.site());
        t.append("\nRTT ").append(ms(p.rttMs()));
        t.append("\ninflation ").append(ms(p.inflationMs()));
        if (p.oracleSite() != null) t.append(" (best: ").append(p.oracleSite()).append(' ').append(ms(p.oracleMs())).append(')');
        if (p.flipped()) t.append("\nflipped: another site than in the previous round");
        if (p.polarized()) t.append("\npolarized: answered from another continent");
        return t.toString();
    }

    static String ms(double v) { return Double.isNaN(v) ? "—" : fmt(v) + " ms"; }

    private static void polygon(JsonNode rings, StringBuilder d) {
        for (JsonNode ring : rings) {
            boolean first = true;
            for (JsonNode pt : ring) {
                double[] xy = xy(pt.path(0).asDouble(), pt.path(1).asDouble());
                d.append(first ? 'M' : 'L').append(fmt(xy[0])).append(',').append(fmt(xy[1]));
                first = false;
            }
            if (!first) d.append('Z');
        }
    }

    /** SVG coordinates of a longitude/latitude in degrees. */
    static double[] xy(double lon, double lat) {
        double[] p = naturalEarth(Math.toRadians(clamp(lon, 180)), Math.toRadians(clamp(lat, 90)));
        return new double[]{WIDTH / 2.0 + p[0] * SCALE, HEIGHT / 2.0 - p[1] * SCALE};
    }

    /** Natural Earth I forward projection on the unit sphere (λ, φ in radians). */
    static double[] naturalEarth(double lambda, double phi) {
        double p2 = phi * phi, p4 = p2 * p2, p6 = p4 * p2, p8 = p4 * p4, p10 = p8 * p2, p12 = p6 * p6;
        double x = lambda * (0.870700 - 0.131979 * p2 - 0.013791 * p4 + 0.003971 * p10 - 0.001529 * p12);
        double y = phi * (1.007226 + 0.015085 * p2 - 0.044475 * p6 + 0.028874 * p8 - 0.005916 * p10);
        return new double[]{x, y};
    }

    private static double clamp(double v, double max) {
        return Double.isNaN(v) ? 0 : Math.max(-max, Math.min(max, v));
    }

    static String fmt(double v) { return String.format(Locale.ROOT, "%.1f", v); }
}
