package net.nsglobal.te.config;

import static net.nsglobal.te.config.Schema.*;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.Section;

/**
 * The {@code te:} section, parsed once against {@link Schema}.
 *
 * <pre>
 * te:
 *   measurement-backend: ripe-atlas       # simulated | ripe-atlas
 *   anycast-addresses: [192.0.2.53, "2001:db8::53"]
 *   measurement-interval: 15m            # a round: catchment + every site's ping, same probes
 *   probes-per-round: 100
 *   ingest-interval: 5m                  # fetch results of rounds younger than ingest-lookback,
 *   ingest-overlap: 10m                  #   from (newest stored − overlap): late uploads are not lost
 *   ingest-lookback: 2h
 *   retention: 30d                       # raw samples; roll-ups stay
 * atlas: { api-key: … }                   # read by the atlas module
 * sites: { dir: ../sites, only: [ams1, fra1] }
 * </pre>
 */
public record TeConfig(Backend measurementBackend, List<InetAddress> anycastAddresses, Duration measurementInterval,
                       int probesPerRound, Duration ingestInterval, Duration ingestOverlap, Duration ingestLookback,
                       Duration retention) {
    public TeConfig {
        anycastAddresses = List.copyOf(anycastAddresses);
    }

    /** The measurement settings with the schema's defaults for ingestion and retention. */
    public TeConfig(Backend measurementBackend, List<InetAddress> anycastAddresses, Duration measurementInterval) {
        this(measurementBackend, anycastAddresses, measurementInterval, PROBES_PER_ROUND.defaultValue(),
                INGEST_INTERVAL.defaultValue(), INGEST_OVERLAP.defaultValue(), INGEST_LOOKBACK.defaultValue(),
                RETENTION.defaultValue());
    }

    public static TeConfig read(Section s) throws ConfigException {
        Backend backend = s.get(MEASUREMENT_BACKEND);
        List<InetAddress> targets = s.get(ANYCAST_ADDRESSES);
        if (backend == Backend.RIPE_ATLAS && targets.isEmpty()) {
            throw new ConfigException(s.keyOf("anycast-addresses"), "needs at least one address with "
                    + "measurement-backend: ripe-atlas (what would the probes measure?)");
        }
        Duration overlap = s.get(INGEST_OVERLAP);
        Duration lookback = s.get(INGEST_LOOKBACK);
        if (overlap.compareTo(lookback) >= 0) {
            throw new ConfigException(s.keyOf("ingest-overlap"), "must be shorter than ingest-lookback (" + lookback
                    + "): the overlap re-fetches part of what the lookback keeps fetching");
        }
        Duration retention = s.get(RETENTION);
        if (retention.compareTo(lookback) <= 0) {
            throw new ConfigException(s.keyOf("retention"), "must be longer than ingest-lookback (" + lookback
                    + "): samples of rounds still being fetched would be deleted and fetched again");
        }
        return new TeConfig(backend, targets, s.get(MEASUREMENT_INTERVAL), s.get(PROBES_PER_ROUND),
                s.get(INGEST_INTERVAL), overlap, lookback, retention);
    }
}
