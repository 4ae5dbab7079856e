package net.nsglobal.te.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import net.nsglobal.te.propose.KnobsDiff;
import net.nsglobal.te.propose.MovedNetwork;
import net.nsglobal.te.propose.Proposal;

/** The text of {@code te show} (and the formatting the other commands share). */
final class Show {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Show() {}

    static String time(Instant t) { return t == null ? "—" : TIME.format(t); }

    static String state(Proposal p) { return p.state().name().toLowerCase(Locale.ROOT).replace('_', ' '); }

    static String ms(double v) { return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f", v); }

    static String pct(double v) { return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * v); }

    static void print(Proposal p, PrintWriter out) {
        out.println("Proposal #" + p.id() + ": " + state(p));
        out.println("created        " + time(p.created()) + " UTC");
        out.println("computed from  round " + p.basis().roundId() + ", config version " + p.basis().configVersion());
        out.println("sites          " + String.join(", ", p.sites()));
        out.println("predictor      " + pct(p.candidate().predictionAccuracy()) + " accurate on held-out changes ("
                + p.candidate().experimentsUsed() + " experiments)");
        out.println("measured       " + p.verification().map(v -> pct(v.probeAccuracy()) + " of " + v.probesCompared()
                + " probes at the predicted site (round " + v.roundId() + ")").orElse("not verified yet"));
        out.println();
        out.println("Why:");
        for (String r : p.candidate().reasons()) out.println("  " + r);
        out.println();
        out.printf("%-8s %28s   %28s%n", "REGION", "P90 INFLATION ms (before/pred/meas)", "AT OPTIMAL (before/pred/meas)");
        for (Proposal.RegionComparison r : p.regions()) {
            out.printf("%-8s %28s   %28s%n", r.region(),
                    ms(r.beforeP90InflationMs()) + " / " + ms(r.predictedP90InflationMs()) + " / " + ms(r.measuredP90InflationMs()),
                    pct(r.beforeShareAtOptimal()) + " / " + pct(r.predictedShareAtOptimal()) + " / " + pct(r.measuredShareAtOptimal()));
        }
        out.println();
        out.println("Moved networks:");
        if (p.candidate().moved().isEmpty()) out.println("  none");
        for (MovedNetwork m : p.candidate().moved()) {
            out.println("  AS" + m.asn() + " " + m.country() + ": " + m.probes() + " probe(s) " + m.fromSite() + " → " + m.toSite());
        }
        out.println();
        out.println("Configuration change:");
        for (String line : KnobsDiff.lines(p.previous(), p.candidate().knobs())) out.println("  " + line);
        out.println();
        out.println("History:");
        for (Proposal.AuditEntry a : p.audit()) {
            out.println("  " + time(a.at()) + "  " + a.who() + "  " + a.what() + ": " + a.reason());
        }
    }
}
