package net.nsglobal.dns.secondary;

import java.util.List;
import net.nsglobal.dns.xfrin.Diff;
import net.nsglobal.dns.zone.Zone;

/** Told after a new zone version is installed (IXFR history, NOTIFY to edges, catalog membership). */
@FunctionalInterface
public interface ZoneChangeListener {
    /**
     * @param previous the version replaced, or null for a zone's first version
     * @param diffs    the differences from {@code previous} (empty when unknown)
     */
    void changed(Zone previous, Zone current, List<Diff> diffs);
}
