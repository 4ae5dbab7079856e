package net.nsglobal.dns.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import net.nsglobal.dns.config.NodeConfig;
import net.nsglobal.dns.config.TsigKey;
import net.nsglobal.dns.query.Stage;
import net.nsglobal.dns.tsig.Keyring;
import net.nsglobal.dns.zone.Zone;
import org.xbill.DNS.Name;

/**
 * NOTIFY (RFC 1996), wired from the {@link NodeConfig}: the {@link NotifyStage} that receives it for the node's
 * secondary zones, and the {@link NotifySender} that sends it to {@code notify:} targets (signed with the
 * {@code transfer-acl} key, from the node's first listen address: edges accept NOTIFY from their primary only).
 */
public final class Notifications implements AutoCloseable {
    private final NotifySender sender; // null: no notify targets
    private final NotifyStage stage;

    /** @param zones the secondary zone of a name, or null when the node is not secondary for it */
    public Notifications(NodeConfig cfg, Keyring keys, ScheduledExecutorService clock,
                         Function<Name, NotifiedZone> zones) throws IOException {
        InetAddress source = cfg.server().listen().isEmpty() ? InetAddress.getLoopbackAddress()
                : cfg.server().listen().get(0).getAddress();
        TsigKey aclKey = keys.get(cfg.transferAcl().tsigKey());
        this.sender = cfg.notifyTargets().isEmpty() ? null
                : new NotifySender(cfg.notifyTargets(), aclKey, source, clock);
        this.stage = new NotifyStage(zones, keys, cfg.limits().notifyRate());
    }

    /** Handles opcode NOTIFY (RFC 1996). */
    public Stage stage() { return stage; }

    /** Tells every target that {@code zone} changed (§3.5); nothing without targets. */
    public void changed(Zone zone) {
        if (sender != null) sender.changed(zone);
    }

    @Override
    public void close() {
        if (sender != null) sender.close();
    }
}
