package net.nsglobal.dns.secondary;

import net.nsglobal.dns.xfrin.SecondarySpec;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.nsglobal.dns.xfrin.Diff;
import net.nsglobal.dns.xfrin.TransferResult;
import net.nsglobal.dns.xfrin.XfrClient;
import net.nsglobal.dns.xfrin.ZoneBuilder;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneBudget;
import net.nsglobal.dns.zone.ZoneException;
import org.xbill.DNS.Record;
import org.xbill.DNS.Serial;
import org.xbill.DNS.Type;

/**
 * One refresh of one zone from one primary: IXFR first (RFC 1995), AXFR when the primary cannot do IXFR or its
 * history does not match ours (RFC 5936), and the next {@link Zone} built all or nothing. The fallbacks share the
 * first transfer's deadline: a primary cannot double its hold on the slot by failing the IXFR late. With a
 * {@link ZoneBudget}, every transfer is metered while it is received and the built zone admitted against it.
 */
final class RefreshAttempt {
    /** The verdict of an attempt. */
    sealed interface Outcome {
        record UpToDate() implements Outcome {}
        record Changed(Zone zone, List<Diff> diffs, String how) implements Outcome {}
        record Failed(String reason) implements Outcome {}
    }

    private RefreshAttempt() {}

    static Outcome run(XfrClient client, ZoneBuilder builder, SecondarySpec spec, InetSocketAddress primary,
                       Zone current) {
        return run(client, builder, null, spec, primary, current);
    }

    /** @param budget the node's zone budget, or null (catalog zones themselves are not metered) */
    static Outcome run(XfrClient client, ZoneBuilder builder, ZoneBudget budget, SecondarySpec spec,
                       InetSocketAddress primary, Zone current) {
        long deadline = client.deadline(); // one transfer-duration for this primary, fallbacks included
        Transfers transfers = new Transfers(client, budget, spec, primary, current, deadline);
        Outcome o = attempt(transfers, builder, spec, current);
        if (budget == null || o instanceof Outcome.Failed) return o;
        if (o instanceof Outcome.Changed c) {
            String over = budget.admit(c.zone(), current);
            if (over != null) return new Outcome.Failed(c.how() + " rejected: limit exceeded: " + over);
        }
        budget.clear(spec.zone());
        return o;
    }

    /**
     * Each transfer of one attempt, all within the attempt's one {@code deadline} ({@link System#nanoTime()}) and
     * metered against the budget while it is received.
     */
    private record Transfers(XfrClient client, ZoneBudget budget, SecondarySpec spec, InetSocketAddress primary,
                             Zone current, long deadline) {
        TransferResult from(org.xbill.DNS.SOARecord ours) {
            if (budget == null) return client.transfer(spec.zone(), primary, ours, spec.key(), deadline, null);
            try (ZoneBudget.Meter m = budget.meter(spec.zone(), current, ours != null)) {
                return client.transfer(spec.zone(), primary, ours, spec.key(), deadline, m);
            }
        }
    }

    private static Outcome attempt(Transfers client, ZoneBuilder builder, SecondarySpec spec, Zone current) {
        TransferResult r = client.from(current == null ? null : current.soa());
        String how = current == null ? "AXFR" : "IXFR";
        if (r instanceof TransferResult.Failed f && f.tryAxfr()) {
            r = client.from(null);
            how = "AXFR after IXFR: " + f.reason();
        }
        if (r instanceof TransferResult.UpToDate) return new Outcome.UpToDate();
        if (r instanceof TransferResult.Failed f) return new Outcome.Failed(how + " " + f.reason());
        if (r instanceof TransferResult.Incremental inc) {
            try {
                return new Outcome.Changed(builder.apply(current, inc.diffs()), inc.diffs(), "IXFR");
            } catch (ZoneException e) {
                // Our history and the primary's disagree: start over from a full copy (RFC 1995 §4 allows it).
                TransferResult full = client.from(null);
                if (!(full instanceof TransferResult.Full)) {
                    return new Outcome.Failed("IXFR rejected (" + e.getMessage() + "), AXFR failed too: " + full);
                }
                r = full;
                how = "AXFR after rejected IXFR: " + e.getMessage();
            }
        }
        TransferResult.Full full = (TransferResult.Full) r;
        if (current != null && Serial.compare(full.soa().getSerial(), current.serial()) < 0) {
            return new Outcome.Failed(how + " offered serial " + full.soa().getSerial() + " older than ours "
                    + current.serial() + " (RFC 1982)");
        }
        try {
            Zone z = builder.full(spec.zone(), full.records());
            if (current != null && z.serial() == current.serial() && z.records().size() == current.records().size()) {
                return new Outcome.UpToDate();
            }
            return new Outcome.Changed(z, current == null ? List.of() : List.of(Diff.between(current, z)), how);
        } catch (ZoneException e) {
            return new Outcome.Failed(how + " rejected: " + e.getMessage());
        }
    }
}
