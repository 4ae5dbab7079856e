package net.nsglobal.dns.secondary;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import net.nsglobal.dns.persist.Persister;
import net.nsglobal.dns.xfrin.XfrClient;
import net.nsglobal.dns.xfrin.ZoneBuilder;
import net.nsglobal.dns.zone.ZoneStore;

/** What every {@link Secondary} of a node shares: where zones go, how they are fetched, and the threads. */
record SecondaryContext(ZoneStore store, Persister disk, XfrClient client, ZoneBuilder builder, RefreshTimers timers,
                        TransferSlots slots, ExecutorService transfers, ScheduledExecutorService clock,
                        ZoneChangeListener listener) {}
