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
 *   measurement-interval: 15m
 * atlas: { api-key: … }                   # read by the atlas module
 * sites: { dir: ../sites, only: [ams1, fra1] }
 * </pre>
 */
public record TeConfig(Backend measurementBackend, List<InetAddress> anycastAddresses, Duration measurementInterval) {
    public TeConfig {
        anycastAddresses = List.copyOf(anycastAddresses);
    }

    public static TeConfig read(Section s) throws ConfigException {
        Backend backend = s.get(MEASUREMENT_BACKEND);
        List<InetAddress> targets = s.get(ANYCAST_ADDRESSES);
        if (backend == Backend.RIPE_ATLAS && targets.isEmpty()) {
            throw new ConfigException(s.keyOf("anycast-addresses"), "needs at least one address with "
                    + "measurement-backend: ripe-atlas (what would the probes measure?)");
        }
        return new TeConfig(backend, targets, s.get(MEASUREMENT_INTERVAL));
    }
}
