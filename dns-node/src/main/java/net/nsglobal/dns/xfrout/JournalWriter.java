package net.nsglobal.dns.xfrout;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import net.nsglobal.dns.persist.JournalDisk;
import net.nsglobal.dns.persist.WriteBehind;
import net.nsglobal.dns.xfrin.Diff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * Writes IXFR histories to disk behind the changes, so a transfer never waits for the disk. Coalesced per zone: a
 * zone marked dirty several times before the writer gets to it is written once, from its newest history (taken when
 * written, not when marked).
 *
 * <p>A file is rewritten whole ({@link JournalDisk}), so a zone with a long history and frequent changes could keep
 * the writer busy (measured: 6 ms for 10,000 records of history, 0.6 s for 1,250,000). Such a zone is spaced out: after
 * a write that took more than 1 ms, the zone is not written again before 10x that time has passed, so no zone takes
 * more than ~1/10 of the writer; changes in between coalesce into the next write. Small histories are written at
 * once. {@link #close} writes everything pending without waiting, so a clean shutdown leaves every file current; a
 * crash may leave a spaced zone's file a few versions behind its zone file, and that zone's history is then dropped
 * on restart (it no longer chains to the served serial): its edges get one AXFR.
 *
 * <pre>
 *   dirty(zone) ──▶ pending ──writer thread ({@link WriteBehind}), once the zone's spacing allows: snapshot(zone)──▶ save / delete
 *   close(): writes everything pending at once, then stops
 * </pre>
 */
final class JournalWriter extends WriteBehind<Boolean> {
    private static final Logger log = LoggerFactory.getLogger("replication.journal");
    /** A zone whose write took {@code t} is not written again before {@code t × DUTY} from the write's start. */
    static final int DUTY = 10;
    private static final long SPACED_ABOVE_NANOS = 1_000_000;
    private final JournalDisk disk;
    private final Function<Name, List<Diff>> snapshot;

    /** @param snapshot the history to store (empty = delete the file, null = leave the file alone) */
    JournalWriter(JournalDisk disk, Function<Name, List<Diff>> snapshot) {
        super("journal-writer");
        this.disk = disk;
        this.snapshot = snapshot;
        start();
    }

    void dirty(Name zone) {
        offer(zone, pending -> Boolean.TRUE);   // what is written is the history at write time, not now
    }

    @Override
    protected void write(Name zone, Boolean dirty) {
        try {
            List<Diff> diffs = snapshot.apply(zone);
            if (diffs != null) disk.save(zone, diffs);
        } catch (IOException | RuntimeException e) {
            log.error("zone {}: cannot write {}: {}", zone, disk.file(zone), e.toString());
        }
    }

    @Override
    protected long spacing(long costNanos) {
        return costNanos > SPACED_ABOVE_NANOS ? costNanos * DUTY : 0;
    }
}
