package net.nsglobal.control.catalog;

import java.util.List;
import net.nsglobal.control.store.ZoneEntry;

/**
 * Makes the confirmed zone list visible to the collector. The DNS implementation rebuilds the catalog zone and sends
 * NOTIFY; tests may record calls instead.
 */
public interface CatalogPublisher extends AutoCloseable {
    /** Publishes the whole list as catalog version {@code serial} (monotonic). */
    void publish(long serial, List<ZoneEntry> zones);

    @Override default void close() {}
}
