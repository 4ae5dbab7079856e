package net.nsglobal.dns;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import net.nsglobal.dns.config.PrimaryZone;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneException;
import net.nsglobal.dns.zone.ZoneFileLoader;
import net.nsglobal.dns.zone.ZoneStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * Loads the node's primary zones from their master files and reloads a file when it changes (polled every
 * {@code server.reload-interval}, on SIGHUP, and on POST /reload). A file that does not load is rejected with
 * file:line and the reason, and the zone keeps serving its previous version (all or nothing, atomic swap in the
 * {@link ZoneStore}); a file is retried only once it changes again, so a broken file is logged once, not every poll.
 * Only the zone file itself is watched (not files it {@code $INCLUDE}s); with very many file zones, raise
 * {@code server.reload-interval} (each poll is one stat per file) or set it to 0 and reload by SIGHUP.
 * A reload that changes the serial is reported to {@code onNewSerial} (the node NOTIFYs its secondaries, RFC 1996).
 */
final class NodeReloader {
    private static final Logger log = LoggerFactory.getLogger(NodeReloader.class);

    /** The outcome of one (re)load attempt of one zone. */
    record Result(Name zone, boolean changed, boolean ok, long serial, String error) {}

    private static final class Watched {
        final PrimaryZone spec;
        Object stamp;          // (modified time, size, file key) of the last attempt; null = never tried

        Watched(PrimaryZone spec) { this.spec = spec; }
    }

    private final ZoneStore store;
    private final List<Watched> watched = new ArrayList<>();
    private final LongAdder failures = new LongAdder();
    private final LongAdder reloads = new LongAdder();
    private final BiConsumer<Zone, Zone> onNewSerial;

    /** @param onNewSerial called with (previous, current) when a reload brings a new serial */
    NodeReloader(List<PrimaryZone> zones, ZoneStore store, MeterRegistry registry, BiConsumer<Zone, Zone> onNewSerial) {
        this.store = store;
        this.onNewSerial = onNewSerial;
        for (PrimaryZone z : zones) watched.add(new Watched(z));
        FunctionCounter.builder("dns_zone_loads", reloads, LongAdder::doubleValue)
                .description("zone files (re)loaded successfully").register(registry);
        FunctionCounter.builder("dns_zone_load_failures", failures, LongAdder::doubleValue)
                .description("zone files rejected (the previous version kept serving)").register(registry);
    }

    /** Loads every zone file whose stamp changed since the last attempt ({@code force}: every file). */
    synchronized List<Result> reload(boolean force) {
        List<Result> out = new ArrayList<>();
        for (Watched w : watched) {
            Object stamp = stamp(w.spec.file());
            if (!force && stamp.equals(w.stamp)) continue;
            w.stamp = stamp;
            out.add(load(w.spec));
        }
        return out;
    }

    long failures() { return failures.sum(); }

    private Result load(PrimaryZone spec) {
        Name origin = spec.name();
        try {
            Zone zone = loadFile(origin, spec.file());
            Zone old = store.put(zone);
            reloads.increment();
            if (old == null) {
                log.info("component=zone-loader zone={} event=loaded serial={} records={} file={}",
                        origin, zone.serial(), zone.recordCount(), spec.file());
            } else if (old.serial() != zone.serial()) {
                log.info("component=zone-loader zone={} event=reloaded serial={} previous-serial={} records={}",
                        origin, zone.serial(), old.serial(), zone.recordCount());
                onNewSerial.accept(old, zone);
            }
            return new Result(origin, true, true, zone.serial(), null);
        } catch (ZoneException e) {
            failures.increment();
            Zone current = store.get(origin);
            log.error("component=zone-loader zone={} event=rejected keeps-serving={} error=\"{}\"", origin,
                    current == null ? "nothing" : "serial " + current.serial(), e.getMessage());
            return new Result(origin, true, false, current == null ? -1 : current.serial(), e.getMessage());
        }
    }

    /** Parses and compiles one master file (RFC 1035 §5); errors carry file:line and the reason. */
    static Zone loadFile(Name origin, Path file) throws ZoneException {
        return ZoneFileLoader.load(origin, file);
    }

    private static Object stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
        } catch (IOException e) {
            return "unreadable";   // reported once; tried again when it reappears (or on a forced reload)
        }
    }
}
