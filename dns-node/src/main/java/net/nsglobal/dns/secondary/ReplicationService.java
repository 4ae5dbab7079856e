package net.nsglobal.dns.secondary;

import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.query.Stage;
import net.nsglobal.dns.zone.ZoneStore;

/**
 * Secondary zones, catalogs, transfers out and NOTIFY for one node (issue 3). STUB from the transport helper:
 * owned and filled in by the replication helper. {@link net.nsglobal.dns.Node} calls {@link #start} after loading
 * primary zones and {@link #close} on shutdown.
 */
public final class ReplicationService {
    private ReplicationService() {}

    public static ReplicationService start(NodeConfig cfg, ZoneStore store) {
        return new ReplicationService();
    }

    /** Handles opcode NOTIFY (RFC 1996); null = answered NOTIMP by the pipeline. */
    public net.nsglobal.dns.query.Stage notifyStage() { return null; }

    /** Handles AXFR/IXFR out (RFC 5936/1995); null = refused. */
    public Stage xfrOutStage() { return null; }

    public void close() {}
}
