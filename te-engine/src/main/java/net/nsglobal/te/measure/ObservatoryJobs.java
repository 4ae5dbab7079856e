package net.nsglobal.te.measure;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import net.nsglobal.atlas.backend.MeasurementBackend;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.jobs.Jobs;
import net.nsglobal.platform.jobs.JobsException;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.config.TeConfig;
import net.nsglobal.te.store.MeasurementStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * THE list of the observatory's jobs, in the order data flows through them, each with its schedule:
 *
 * <ol>
 *   <li>{@value RoundJob#NAME}, every {@code te.measurement-interval}: a catchment measurement and every site's ping,
 *       from the same probes (a new round);</li>
 *   <li>{@value IngestJob#NAME}, every {@code te.ingest-interval}: results of the rounds of the last
 *       {@code te.ingest-lookback} into the store, from the newest stored minus {@code te.ingest-overlap};</li>
 *   <li>{@value RollupJob#NAME}, every {@code te.ingest-interval}: the roll-ups over the window ingestion writes to;</li>
 *   <li>{@value RetentionJob#NAME}, daily at 03:17 UTC: raw samples older than {@code te.retention}.</li>
 * </ol>
 *
 * Each runs on its own schedule (Quartz, clustered: one node runs each firing) and reads only what the store holds,
 * so none has to wait for another: a round not yet ingested is ingested by a later run, a sample ingested after a
 * roll-up is rolled up by the next one (its window covers everything ingestion still writes).
 */
public final class ObservatoryJobs {
    private static final Logger log = LoggerFactory.getLogger(ObservatoryJobs.class);

    /** One job: its name, its schedule (a fixed delay after each run, or a Quartz cron expression) and its work. */
    public record Entry(String name, Duration every, String cron, Jobs.Firing task) {
        public String schedule() { return every != null ? "every " + every : "cron " + cron; }
    }

    private final List<Entry> entries;

    private ObservatoryJobs(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ObservatoryJobs of(TeConfig config, MeasurementBackend backend, MeasurementStore store, List<Site> sites) {
        RoundJob round = new RoundJob(backend, store, sites, anycastAddress(config, sites), config.probesPerRound());
        IngestJob ingest = new IngestJob(backend, store, new SiteNames(sites), config.ingestOverlap(), config.ingestLookback());
        RollupJob rollup = new RollupJob(store, config.ingestLookback());
        RetentionJob retention = new RetentionJob(store, config.retention());
        return new ObservatoryJobs(List.of(
                new Entry(RoundJob.NAME, config.measurementInterval(), null, round::run),
                new Entry(IngestJob.NAME, config.ingestInterval(), null, ingest::run),
                new Entry(RollupJob.NAME, config.ingestInterval(), null, rollup::run),
                new Entry(RetentionJob.NAME, null, "0 17 3 * * ?", retention::run)));
    }

    /** The jobs in data-flow order. */
    public List<Entry> entries() { return entries; }

    public List<String> names() { return entries.stream().map(Entry::name).toList(); }

    /** Registers every job on {@code jobs} (before {@link Jobs#start}). */
    public void register(Jobs jobs) throws JobsException {
        for (Entry e : entries) {
            if (e.every() != null) jobs.everyDelay(e.name(), e.every(), e.task());
            else jobs.cron(e.name(), e.cron(), e.task());
        }
    }

    /**
     * The address the catchment query goes to: the first of {@code te.anycast-addresses}; without one (the simulated
     * world needs none), the first host of the first site's first IPv4 anycast prefix.
     */
    public static InetAddress anycastAddress(TeConfig config, List<Site> sites) {
        if (!config.anycastAddresses().isEmpty()) return config.anycastAddresses().get(0);
        for (Site s : sites) {
            for (Cidr p : s.anycastV4()) {
                byte[] a = p.network().getAddress();
                if (p.prefix() < 32) a[3] = (byte) (a[3] | 1);
                try {
                    InetAddress first = InetAddress.getByAddress(a);
                    log.info("te measure: no te.anycast-addresses; measuring {} (in {}'s anycast prefix {})", first.getHostAddress(), s.id(), p);
                    return first;
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException(e); // four bytes are always an address
                }
            }
        }
        throw new IllegalArgumentException("te measure: no te.anycast-addresses and no site announces an IPv4 prefix: "
                + "nothing to measure");
    }
}
