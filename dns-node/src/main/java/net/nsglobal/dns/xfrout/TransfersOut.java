package net.nsglobal.dns.xfrout;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.persist.JournalDisk;
import net.nsglobal.dns.persist.ZoneDisk;
import net.nsglobal.dns.query.Stage;
import net.nsglobal.dns.tsig.Keyring;
import net.nsglobal.dns.xfrin.Diff;
import net.nsglobal.dns.zone.ZoneStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * Transfers out, wired from the {@link NodeConfig}: the IXFR {@link Journal} (RFC 1995) of every zone this node
 * serves and the {@link XfrOutStage} that answers AXFR/IXFR (RFC 5936) to whoever {@code transfer-acl} allows.
 */
public final class TransfersOut {
    private static final Logger log = LoggerFactory.getLogger("replication");
    private static final long JOURNAL_SWEEP_DELAY_SECONDS = 60;
    private final Journal journal;
    private final XfrOutStage stage;
    private final boolean journalOnDisk;
    private final ZoneStore store;

    public TransfersOut(NodeConfig cfg, ZoneStore store, Keyring keys) throws IOException {
        this.store = store;
        // IXFR history on disk only with a configured data-dir (a temporary one dies with the node) and when someone
        // may transfer from us: an edge with an empty transfer-acl would write files nobody ever reads.
        this.journalOnDisk = cfg.dataDir() != null && !cfg.transferAcl().allow().isEmpty();
        this.journal = new Journal(cfg.limits().ixfrHistory(), journalOnDisk ? new JournalDisk(cfg.dataDir()) : null);
        this.stage = new XfrOutStage(store, journal, cfg.transferAcl(), keys);
    }

    /** Handles AXFR/IXFR out (RFC 5936/1995). */
    public Stage stage() { return stage; }

    /** {@code zone} changed by {@code diffs}: kept for IXFR out. */
    public void append(Name zone, List<Diff> diffs) {
        if (!diffs.isEmpty()) journal.append(zone, diffs);
    }

    /** {@code zone} left the node: its history goes too. */
    public void forget(Name zone) { journal.forget(zone); }

    /**
     * Once the node has settled (catalogs read, zones loaded), journal files of zones it no longer has are deleted:
     * a zone removed while the node was down. Off the start path: it lists two folders of up to 100,000 files.
     */
    public void sweepLater(ZoneDisk disk, ScheduledExecutorService clock) {
        if (!journalOnDisk) return;
        clock.schedule(() -> {
            try {
                Set<Name> stored = new HashSet<>(disk.list());
                journal.sweep(z -> store.get(z) != null || stored.contains(z));
            } catch (IOException | RuntimeException e) {
                log.warn("journal sweep failed: {}", e.toString());
            }
        }, JOURNAL_SWEEP_DELAY_SECONDS, TimeUnit.SECONDS);
    }

    /** Pending IXFR history writes reach the disk. */
    public void close() { journal.close(); }

    /** Waits until the IXFR history appended so far is on disk (tests). */
    public void flush() throws InterruptedException { journal.flush(); }
}
