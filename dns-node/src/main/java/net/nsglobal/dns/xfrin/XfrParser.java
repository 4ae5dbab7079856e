package net.nsglobal.dns.xfrin;

import java.util.ArrayList;
import java.util.List;
import net.nsglobal.dns.zone.ZoneBudget;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Serial;
import org.xbill.DNS.Type;

/**
 * Turns the answer records of an AXFR/IXFR response stream into a {@link TransferResult}, one record at a time.
 *
 * <pre>
 *   START --SOA(new)--> FIRST_SOA --SOA(old) and IXFR asked--> IXFR_DELETIONS --SOA--> IXFR_ADDITIONS
 *     |                    |                                        ^                      |
 *     | non-SOA: Failed    +--other record--> AXFR --SOA(new)--> END |   SOA(x != new) ----+
 *                                                                   +----------------------+
 *                                           IXFR_ADDITIONS --SOA(new)--> END
 * </pre>
 *
 * RFC 5936 §2.2: an AXFR starts and ends with the zone's SOA. RFC 1995 §4: an IXFR answer is the new SOA, then for each
 * difference the old SOA, deleted records, the newer SOA, added records, and finally the new SOA again; a single SOA
 * means "you are up to date" (or, if newer, "ask by AXFR").
 */
final class XfrParser {
    enum State { START, FIRST_SOA, AXFR, IXFR_DELETIONS, IXFR_ADDITIONS, END, FAILED }

    private final Name zone;
    private final boolean ixfr;
    private final long ourSerial;
    private final long maxRecords;
    private final ZoneBudget.Meter meter;
    private State state = State.START;
    private SOARecord newSoa;
    private String failure;
    private long count;
    private final List<Record> axfr = new ArrayList<>();
    private final List<Diff> diffs = new ArrayList<>();
    private SOARecord diffFrom;
    private SOARecord diffTo;
    private List<Record> deleted;
    private List<Record> added;

    XfrParser(Name zone, boolean ixfr, long ourSerial, long maxRecords) {
        this(zone, ixfr, ourSerial, maxRecords, null);
    }

    /** @param meter the zone's budget while receiving (null = none): a refusal aborts the stream at that record */
    XfrParser(Name zone, boolean ixfr, long ourSerial, long maxRecords, ZoneBudget.Meter meter) {
        this.meter = meter;
        this.zone = zone;
        this.ixfr = ixfr;
        this.ourSerial = ourSerial;
        this.maxRecords = maxRecords;
    }

    State state() { return state; }
    String failure() { return failure; }

    /** Feeds one answer record; returns false once the stream failed (see {@link #failure()}). */
    boolean accept(Record r) {
        if (state == State.FAILED) return false;
        if (state == State.END) return fail("record " + r.getName() + " " + Type.string(r.getType())
                + " after the closing SOA");
        if (!r.getName().subdomain(zone)) {
            return fail("record " + r.getName() + " " + Type.string(r.getType()) + " is outside the zone");
        }
        if (++count > maxRecords) return fail("limit exceeded: more than " + maxRecords + " records (records-per-zone)");
        String over = meter == null ? null : meter.record(r);
        if (over != null) return fail("limit exceeded: " + over);
        SOARecord soa = (r.getType() == Type.SOA) ? (SOARecord) r : null;
        if (soa != null && !soa.getName().equals(zone)) return fail("SOA record at " + r.getName() + " below the apex");
        switch (state) {
            case START -> {
                if (soa == null) return fail("response does not start with the zone's SOA");
                newSoa = soa;
                state = State.FIRST_SOA;
            }
            case FIRST_SOA -> {
                if (soa != null && soa.getSerial() == newSoa.getSerial()) {
                    axfr.add(newSoa);
                    state = State.END; // AXFR (or AXFR-style IXFR) of a zone holding only its SOA
                } else if (soa != null && ixfr) {
                    if (soa.getSerial() != ourSerial) {
                        return fail("IXFR starts at serial " + soa.getSerial() + " but we asked from " + ourSerial);
                    }
                    startDiff(soa);
                } else if (soa != null) {
                    return fail("AXFR closing SOA serial " + soa.getSerial() + " differs from the opening one");
                } else {
                    axfr.add(newSoa);
                    axfr.add(r);
                    state = State.AXFR;
                }
            }
            case AXFR -> {
                if (soa != null) {
                    if (soa.getSerial() != newSoa.getSerial()) return fail("AXFR closing SOA serial " + soa.getSerial()
                            + " differs from the opening serial " + newSoa.getSerial());
                    state = State.END;
                } else {
                    axfr.add(r);
                }
            }
            case IXFR_DELETIONS -> {
                if (soa != null) {
                    diffTo = soa;
                    state = State.IXFR_ADDITIONS;
                } else {
                    deleted.add(r);
                }
            }
            case IXFR_ADDITIONS -> {
                if (soa != null) {
                    diffs.add(new Diff(diffFrom, diffTo, deleted, added));
                    if (soa.getSerial() == newSoa.getSerial() && diffTo.getSerial() == newSoa.getSerial()) {
                        state = State.END;
                    } else {
                        if (soa.getSerial() != diffTo.getSerial()) {
                            return fail("IXFR sequence broken: difference starts at serial " + soa.getSerial()
                                    + " but the previous one ended at " + diffTo.getSerial());
                        }
                        startDiff(soa);
                    }
                } else {
                    added.add(r);
                }
            }
            default -> throw new IllegalStateException(state.toString());
        }
        return true;
    }

    private void startDiff(SOARecord from) {
        diffFrom = from;
        deleted = new ArrayList<>();
        added = new ArrayList<>();
        state = State.IXFR_DELETIONS;
    }

    boolean failed() { return state == State.FAILED; }

    /** True once the stream is complete: END, or a lone SOA at the end of the first message of an IXFR answer. */
    boolean complete() { return state == State.END; }

    /** The outcome after the last message; call only when the stream ended (successfully or not). */
    TransferResult result(long bytes, boolean streamEnded) {
        if (state == State.FAILED) return new TransferResult.Failed(failure, false);
        if (state == State.FIRST_SOA && ixfr && streamEnded) {
            // RFC 1995 §4: a single SOA. Not newer -> up to date; newer -> the server wants us to use AXFR.
            if (Serial.compare(newSoa.getSerial(), ourSerial) <= 0) return new TransferResult.UpToDate(newSoa);
            return new TransferResult.Failed("IXFR answered with a single newer SOA", true);
        }
        if (state != State.END) {
            return new TransferResult.Failed("transfer ended without the closing SOA (state " + state + ")", false);
        }
        if (!diffs.isEmpty()) return new TransferResult.Incremental(newSoa, diffs, bytes);
        return new TransferResult.Full(newSoa, axfr, bytes);
    }

    private boolean fail(String why) {
        state = State.FAILED;
        failure = why;
        return false;
    }
}
