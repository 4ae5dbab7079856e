package net.nsglobal.dashboard.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import net.nsglobal.te.store.ConfigChange;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The observatory's charts, drawn by JFreeChart from {@link Figures} and written as PNG or as SVG (JFreeSVG). Charts
 * are drawn headless (no display: {@code java.awt.headless}).
 */
final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 420;
    private static final Map<String, Color> REGION_COLOURS = Map.of("AF", new Color(0x8c564b), "AN", new Color(0x7f7f7f),
            "AS", new Color(0xd62728), "EU", new Color(0x1f77b4), "NA", new Color(0x2ca02c), "OC", new Color(0x9467bd),
            "SA", new Color(0xff7f0e));
    private static final BasicStroke SOLID = new BasicStroke(2f);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[]{6f, 4f}, 0f);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /** Per-site share of the catchment over time (percent), a vertical line where a site's configuration changed. */
    static JFreeChart share(Figures.ShareTable table, List<ConfigChange> changes, Palette palette) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        for (String site : table.sites()) {
            TimeSeries s = new TimeSeries(site);
            for (Figures.ShareRow r : table.rows()) {
                s.addOrUpdate(new FixedMillisecond(r.bucket().toEpochMilli()), 100 * r.share().get(site));
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Share of probes per site", "time (UTC)",
                "share of probes (%)", data, true, false, false);
        XYPlot plot = chart.getXYPlot();
        ((DateAxis) plot.getDomainAxis()).setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(true); // shares of a few percent stay readable; zero keeps them comparable
        XYItemRenderer r = plot.getRenderer();
        // A point per bucket: with one round so far there is no line to draw, and each round should stay visible.
        if (r instanceof org.jfree.chart.renderer.xy.XYLineAndShapeRenderer ls) ls.setDefaultShapesVisible(true);
        for (int i = 0; i < table.sites().size(); i++) {
            r.setSeriesPaint(i, palette.color(table.sites().get(i)));
            r.setSeriesStroke(i, SOLID);
        }
        for (ConfigChange c : changes) {
            ValueMarker m = new ValueMarker(c.time().toEpochMilli(), new Color(0x444444), DASHED);
            m.setLabel(c.site());
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m);
        }
        return style(chart);
    }

    /** Per region, the CDF of the anycast RTT (solid) against the oracle's best unicast RTT (dashed). */
    static JFreeChart cdf(List<Figures.CdfRow> rows) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Figures.CdfRow row : rows) {
            data.addSeries(series(row.region() + " anycast", row.anycastSorted()));
            data.addSeries(series(row.region() + " oracle", row.oracleSorted()));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Latency CDF per region: anycast against the oracle",
                "RTT (ms)", "share of probes (%)", data);
        XYPlot plot = chart.getXYPlot();
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        XYItemRenderer r = plot.getRenderer();
        for (int i = 0; i < rows.size(); i++) {
            Color c = REGION_COLOURS.getOrDefault(rows.get(i).region(), Color.DARK_GRAY);
            r.setSeriesPaint(2 * i, c);
            r.setSeriesStroke(2 * i, SOLID);
            r.setSeriesPaint(2 * i + 1, c);
            r.setSeriesStroke(2 * i + 1, DASHED);
        }
        return style(chart);
    }

    /** A step CDF: at each value, the percentage of values at or below it. */
    private static XYSeries series(String key, double[] sorted) {
        XYSeries s = new XYSeries(key, true, true);
        for (int i = 0; i < sorted.length; i++) s.addOrUpdate(sorted[i], 100.0 * (i + 1) / sorted.length);
        return s;
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setBackgroundPaint(new Color(0xf7fafd));
        chart.getXYPlot().setDomainGridlinePaint(new Color(0xd9dee5));
        chart.getXYPlot().setRangeGridlinePaint(new Color(0xd9dee5));
        return chart;
    }

    static byte[] png(JFreeChart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new IllegalStateException("dashboard charts: cannot write PNG", e);
        }
        return out.toByteArray();
    }

    static String svg(JFreeChart chart) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGDocument();
    }
}
