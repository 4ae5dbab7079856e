package net.nsglobal.dns.zone;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * What a zone may take from the node: limits for zones that come from a catalog (customer zones: records, RRsets,
 * bytes, {@code limits.catalog-zone-max-*}) and one memory budget for all zones together
 * ({@code limits.zone-memory-budget}, the sum of {@link ZoneSize#bytes}). A transfer in is metered while it is being
 * received ({@link Meter}: it is aborted at the record that crosses a limit, the zone is never built) and the built
 * zone is checked once more ({@link #admit}); either way the transfer fails, the previous version keeps serving, and
 * the refusal is kept per zone, naming the zone and the limit, until a transfer of the zone succeeds or the zone is
 * removed (logs, {@code /metrics}, the HTTP {@code /zones} endpoint and so the dashboard's status page).
 *
 * <p>As Knot's {@code zone-max-size}: an AXFR is metered against the limits themselves; an IXFR's records (deleted and
 * added) against twice the limits, the zone it yields against the limits. Transfers in flight reserve the bytes they
 * have received in the memory budget, so parallel transfers cannot overcommit it together; a reservation ends with
 * its transfer (the built zone is then checked against what the store holds).
 */
public final class ZoneBudget {
    private static final Logger log = LoggerFactory.getLogger("replication.budget");

    private final long maxRecords;
    private final long maxBytes;
    private final long maxRrsets;
    private final long memoryBudget;
    private final ZoneStore store;
    private final Predicate<Name> fromCatalog;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicLong refusedTransfers = new AtomicLong();
    private final Map<Name, String> refusals = new ConcurrentHashMap<>();

    /** @param fromCatalog true for a zone a catalog lists (the per-zone limits apply to it) */
    public ZoneBudget(long maxRecords, long maxBytes, long maxRrsets, long memoryBudget, ZoneStore store,
                      Predicate<Name> fromCatalog) {
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
        this.maxRrsets = maxRrsets;
        this.memoryBudget = memoryBudget;
        this.store = store;
        this.fromCatalog = fromCatalog;
    }

    /** A meter for one transfer of {@code zone} into {@code current} (null = none yet); close it when it ends. */
    public Meter meter(Name zone, Zone current, boolean ixfr) {
        return new Meter(zone, current, ixfr, fromCatalog.test(zone));
    }

    /**
     * The final check of a built version that replaces {@code current}: null when it fits, else the refusal (also
     * recorded for the zone).
     */
    public String admit(Zone next, Zone current) {
        Name zone = next.origin();
        ZoneSize s = next.size();
        if (fromCatalog.test(zone)) {
            if (s.records() > maxRecords) return refuse(zone, s.records() + " records", "catalog-zone-max-records " + maxRecords);
            if (s.rrsets() > maxRrsets) return refuse(zone, s.rrsets() + " RRsets", "catalog-zone-max-rrsets " + maxRrsets);
            if (s.bytes() > maxBytes) return refuse(zone, s.bytes() + " bytes", "catalog-zone-max-bytes " + maxBytes);
        }
        long others = store.bytes() - (current == null ? 0 : current.size().bytes());
        if (others + s.bytes() > memoryBudget) {
            return refuse(zone, s.bytes() + " bytes with " + others + " bytes of other zones",
                    "zone-memory-budget " + memoryBudget);
        }
        return null;
    }

    /** A transfer of {@code zone} succeeded (or the zone is gone): its refusal is history. */
    public void clear(Name zone) {
        if (refusals.remove(zone) != null) log.info("zone {}: within the limits again", zone);
    }

    /** Why {@code zone}'s last transfer was refused by a limit, or null. */
    public String refusal(Name zone) { return refusals.get(zone); }

    /** Every zone refused now, with the reason, in name order. */
    public Map<Name, String> refusals() { return new TreeMap<>(refusals); }

    /** Transfers refused by a limit since start (a counter for /metrics). */
    public long refusedTransfers() { return refusedTransfers.get(); }

    public long memoryBudget() { return memoryBudget; }

    /** Bytes of all served zones plus those reserved by transfers in flight. */
    public long memoryUsed() { return store.bytes() + reserved.get(); }

    /** @param limit the key and its value, e.g. {@code catalog-zone-max-records 100000} */
    private String refuse(Name zone, String what, String limit) {
        String reason = "zone " + zone + " refused: " + what + " exceed limits." + limit;
        refusedTransfers.incrementAndGet();
        if (!reason.equals(refusals.put(zone, reason))) log.error("{}; the previous version (if any) keeps serving", reason);
        return reason;
    }

    /**
     * Counts one transfer as its records arrive ({@code xfrin} calls {@link #record} for each answer record);
     * {@link #record} returns the refusal that must abort the transfer, or null.
     */
    public final class Meter implements AutoCloseable {
        private final Name zone;
        private final boolean perZone;
        private final long factor;
        private final long currentBytes;
        private final Set<Long> rrsets = new HashSet<>();
        private long records;
        private long bytes;
        private long reservedHere;
        private String refused;

        private Meter(Name zone, Zone current, boolean ixfr, boolean perZone) {
            this.zone = zone;
            this.perZone = perZone;
            this.factor = ixfr ? 2 : 1; // Knot: an IXFR's records may total twice zone-max-size
            this.currentBytes = ixfr || current == null ? 0 : current.size().bytes(); // an AXFR replaces it
        }

        /** One answer record of the transfer; null = within the limits. */
        public String record(Record r) {
            if (refused != null) return refused;
            long w = ZoneSize.wireBytes(r);
            records++;
            bytes += w;
            reservedHere += w;
            long inUse = reserved.addAndGet(w) + store.bytes() - currentBytes;
            if (perZone) {
                if (factor == 1) rrsets.add(rrsetKey(r)); // an IXFR's RRsets are counted in the built zone
                if (records > factor * maxRecords) return stop(records + " records", "catalog-zone-max-records", maxRecords);
                if (rrsets.size() > maxRrsets) return stop(rrsets.size() + " RRsets", "catalog-zone-max-rrsets", maxRrsets);
                if (bytes > factor * maxBytes) return stop(bytes + " bytes", "catalog-zone-max-bytes", maxBytes);
            }
            if (inUse > memoryBudget) {
                refused = refuse(zone, bytes + " bytes received with " + (inUse - bytes)
                        + " bytes of other zones and transfers", "zone-memory-budget " + memoryBudget);
            }
            return refused;
        }

        private String stop(String what, String limit, long value) {
            refused = factor == 1 ? refuse(zone, what, limit + " " + value)
                    : refuse(zone, "IXFR of " + what, limit + " " + value + " twice (Knot's rule for IXFR)");
            return refused;
        }

        /**
         * Owner and type folded into one key (an RRSIG counts with the type it covers): a collision only makes the
         * count smaller, never refuses a zone that fits.
         */
        private long rrsetKey(Record r) {
            return ((long) r.getName().hashCode() << 16) ^ r.getRRsetType();
        }

        @Override
        public void close() {
            reserved.addAndGet(-reservedHere);
            reservedHere = 0;
        }
    }
}
