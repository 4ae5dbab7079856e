package net.nsglobal.dns.secondary;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import net.nsglobal.dns.persist.Persister;
import net.nsglobal.dns.xfrin.XfrClient;
import net.nsglobal.dns.xfrin.ZoneBuilder;
import net.nsglobal.dns.zone.ZoneStore;

/**
 * What every {@link Secondary} of a node shares: where zones go, how they are fetched, and the threads. Catalog zones
 * refresh on their own thread and outside the transfer slots: membership must not queue behind the thousands of
 * member transfers it just started. {@code keys} looks a TSIG key up by name at the time of each refresh (static keys,
 * then the key file). {@code budget} meters every transfer of a zone that is not itself a catalog.
 */
record SecondaryContext(ZoneStore store, Persister disk, XfrClient client, ZoneBuilder builder, RefreshTimers timers,
                        TransferSlots slots, ExecutorService transfers, ExecutorService catalogTransfers,
                        ScheduledExecutorService clock, ZoneChangeListener listener,
                        java.util.function.Predicate<org.xbill.DNS.Name> isCatalog,
                        java.util.function.Function<org.xbill.DNS.Name, net.nsglobal.dns.config.TsigKey> keys,
                        net.nsglobal.dns.zone.ZoneBudget budget) {}
