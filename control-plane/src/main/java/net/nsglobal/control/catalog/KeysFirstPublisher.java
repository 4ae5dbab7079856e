package net.nsglobal.control.catalog;

import java.util.List;
import net.nsglobal.control.store.ZoneEntry;

/**
 * Writes the collector's key file before the catalog version that names those keys is published, so a member's key is
 * (usually) on the collector before the member is; the collector also re-reads the key file on its own and retries a
 * member whose key was not there yet.
 */
public final class KeysFirstPublisher implements CatalogPublisher {
    private final CollectorKeysFile keys;
    private final CatalogPublisher catalog;

    public KeysFirstPublisher(CollectorKeysFile keys, CatalogPublisher catalog) {
        this.keys = keys;
        this.catalog = catalog;
    }

    /** The publisher that serves the catalog. */
    public CatalogPublisher catalog() { return catalog; }

    @Override
    public synchronized void publish(long serial, List<ZoneEntry> zones) {
        keys.write(zones);
        catalog.publish(serial, zones);
    }

    @Override
    public void close() { catalog.close(); }
}
