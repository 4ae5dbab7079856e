package net.nsglobal.control.status;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.probe.DnsProbe;
import net.nsglobal.control.probe.SoaAnswer;
import net.nsglobal.control.probe.TransferCheck;
import net.nsglobal.control.store.Observation;
import net.nsglobal.control.store.Repository;
import net.nsglobal.control.store.ZoneEntry;
import net.nsglobal.dns.config.AddressPolicy;
import net.nsglobal.control.validate.PrimaryAddress;
import net.nsglobal.control.validate.TsigInput;
import org.xbill.DNS.Name;
import org.xbill.DNS.Serial;
import org.xbill.DNS.TextParseException;

/**
 * One status check of one zone: live SOA queries (RD=0, AA required) to its primaries, the collector and every site,
 * plus the last observation stored in the database. When the collector has no copy, an AXFR attempt from here names
 * the primary's refusal so the page can say what to fix. Only the status jobs run checks ({@link StatusService}).
 * <p>
 * Customer-given addresses (primaries) are asked only while the {@link AddressPolicy} accepts them; the parent
 * servers are checked by {@link DnsProbe#parentDelegation}.
 */
final class StatusCheck implements AutoCloseable {
    private static final Duration DIAGNOSE_EVERY = Duration.ofSeconds(20);

    private final ControlPlaneConfig config;
    private final Repository repo;
    private final DnsProbe probe;
    private final TransferCheck transfers;
    private final AddressPolicy policy;
    private final CollectorZones collectorZones;
    private final Map<String, Instant> diagnosedAt = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "control-plane-status-probe");
        t.setDaemon(true);
        return t;
    });

    StatusCheck(ControlPlaneConfig config, Repository repo, DnsProbe probe, TransferCheck transfers) {
        this.config = config;
        this.repo = repo;
        this.probe = probe;
        this.transfers = transfers;
        this.policy = new AddressPolicy(config.allowList(), config.ownPrefixes());
        this.collectorZones = config.collector().http() == null ? null
                : new CollectorZones(config.collector().http(), Duration.ofSeconds(3));
    }

    /**
     * What a check depends on besides the zone itself: a stored result made under other settings (sites, collector,
     * allow-list, our name servers) no longer describes the zone, and is checked again before it is shown.
     */
    String inputs() {
        return String.join("|", String.valueOf(new TreeMap<>(config.edges())), String.valueOf(config.collector().dns()),
                String.valueOf(config.collector().http()), String.valueOf(config.resolver()),
                String.valueOf(config.allowList()), String.valueOf(config.ownPrefixes()), String.valueOf(config.nsNames()));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Asks every server about {@code z} now, records the observation, and returns the result (slow: network). */
    ZoneStatus run(ZoneEntry z, Instant now) {
        Name name = absolute(z.domain());
        // All SOA queries at once: an unreachable server costs one timeout, not one per server.
        List<CompletableFuture<ZoneStatus.ServerSerial>> pf = new ArrayList<>();
        // Primaries are asked as the collector asks them: signed with the zone's key when it has one.
        TsigInput key = z.tsig();
        for (int i = 0; i < z.primaries().size(); i++) {
            String label = "primary " + (i + 1);
            InetSocketAddress a = address(z.primaries().get(i));
            pf.add(CompletableFuture.supplyAsync(() -> primarySerialAt(label, a, name, key), pool));
        }
        CompletableFuture<ZoneStatus.ServerSerial> cf = config.collector().dns() == null
                ? CompletableFuture.completedFuture(new ZoneStatus.ServerSerial("collector", null, "not configured"))
                : CompletableFuture.supplyAsync(() -> serialAt("collector", config.collector().dns(), name, null), pool);
        List<CompletableFuture<ZoneStatus.ServerSerial>> sf = new ArrayList<>();
        for (Map.Entry<String, InetSocketAddress> e : new TreeMap<>(config.edges()).entrySet()) {
            sf.add(CompletableFuture.supplyAsync(() -> serialAt(e.getKey(), e.getValue(), name, null), pool));
        }
        List<ZoneStatus.ServerSerial> primaries = pf.stream().map(CompletableFuture::join).toList();
        Long primarySerial = null;
        for (ZoneStatus.ServerSerial s : primaries) {
            if (s.serial() != null && (primarySerial == null || Serial.compare(s.serial(), primarySerial) > 0)) {
                primarySerial = s.serial();
            }
        }
        ZoneStatus.ServerSerial collector = cf.join();
        List<ZoneStatus.ServerSerial> sites = sf.stream().map(CompletableFuture::join).toList();

        Observation prev = repo.observation(z.domain()).orElse(null);
        Instant lastTransfer = prev == null ? null : prev.lastTransferAt();
        Long prevCollector = prev == null ? null : prev.collectorSerial();
        if (collector.serial() != null && (prevCollector == null || !prevCollector.equals(collector.serial()))) {
            lastTransfer = now; // first time we see this serial at the collector
        }
        String error = prev == null ? null : prev.lastError();
        String fix = prev == null ? null : prev.lastErrorFix();
        Instant errorAt = prev == null ? null : prev.lastErrorAt();
        if (errorAt != null && z.updatedAt() != null && z.updatedAt().isAfter(errorAt)) {
            // The owner changed primaries or key since that verdict: it no longer describes the zone; look again now.
            error = null;
            fix = null;
            errorAt = null;
            diagnosedAt.remove(z.domain());
        }
        boolean lagging = collector.serial() == null
                || (primarySerial != null && Serial.compare(collector.serial(), primarySerial) < 0);
        // A primary that does not answer (or refuses our key) will stall the next refresh even if we are level now.
        boolean primaryFails = primaries.stream().anyMatch(p -> p.serial() == null);
        if (lagging || primaryFails) {
            // The SOA answers are fresh on every view; only the AXFR attempt (when lagging) is rate-limited per zone.
            Instant last = diagnosedAt.get(z.domain());
            boolean mayTransfer = lagging && (last == null || last.plus(DIAGNOSE_EVERY).isBefore(now));
            if (mayTransfer) diagnosedAt.put(z.domain(), now);
            String[] diag = diagnose(z, name, primaries, mayTransfer);
            if (diag != null) {
                error = diag[0];
                fix = diag[1];
                errorAt = now;
            }
        } else if (primarySerial != null) {
            error = null; // in step: the last error is history
            fix = null;
        }
        String refused = collectorZones == null ? null : collectorZones.refusal(z.domain());
        if (refused != null) {
            // The collector's own verdict beats what we can infer from serials: it names the zone and the limit.
            error = "Refused by the collector: " + refused;
            fix = refused.contains("allow-primaries")
                    ? "Give primaries with public addresses (not loopback, private or other special ranges)."
                    : "The zone is larger than NS-Global accepts; make it smaller than the limit named above. "
                    + "The version we already have (if any) keeps being served.";
            errorAt = now;
        }
        repo.saveObservation(new Observation(z.domain(), now, primarySerial, collector.serial(), lastTransfer, error, fix,
                errorAt));

        Long newest = primarySerial;
        boolean inSync = newest != null && newest.equals(collector.serial())
                && sites.stream().allMatch(s -> newest.equals(s.serial()));
        return new ZoneStatus(z.domain(), true, z.createdAt(), primaries, collector, sites, lastTransfer, error, fix,
                delegation(name), inSync, now);
    }

    /**
     * [error, fix] in plain language for the first primary that will not give us the zone; null when none refuses.
     * Every question to the primary (SOA, AXFR) is signed with the zone's TSIG key when it has one, as the collector's
     * are: a primary that requires TSIG must not look broken here because we asked unsigned. Without
     * {@code mayTransfer} only the SOA answers are judged (no AXFR is attempted).
     */
    private String[] diagnose(ZoneEntry z, Name name, List<ZoneStatus.ServerSerial> primaries, boolean mayTransfer) {
        String from = config.collector().transferAddress();
        TsigInput key = z.tsig();
        for (int i = 0; i < z.primaries().size(); i++) {
            String who = "primary " + (i + 1);
            ZoneStatus.ServerSerial s = primaries.get(i);
            if (s.serial() == null && s.problem().startsWith("TSIG")) {
                return tsigRejected(who, s.problem());
            }
            if (s.serial() == null) {
                return new String[] {who + ": " + s.problem(),
                        "Make sure " + who + " serves " + z.domain() + " and answers DNS (UDP and TCP) from " + from + "."};
            }
            if (!mayTransfer) continue;
            String p = transfers.problem(address(z.primaries().get(i)), name, key == null ? null : key.signer());
            if (p == null) continue;
            boolean signed = key != null;
            if (p.equals("REFUSED") || (p.equals("NOTAUTH") && !signed)) { // Knot says NOTAUTH when its ACL denies
                return new String[] {p + " by " + who + " (zone transfer)",
                        "Allow AXFR and IXFR of " + z.domain() + " from " + from + "."
                                + (signed ? "" : " If your primary allows transfers only with a TSIG key, give us "
                                + "that key with the change form.")};
            }
            if (p.equals("NOTAUTH") || p.startsWith("TSIG")) {
                return tsigRejected(who, p);
            }
            if (p.equals("timeout")) {
                return new String[] {"Timeout transferring from " + who,
                        "Open TCP port " + address(z.primaries().get(i)).getPort() + " on " + who + " to " + from + "."};
            }
            return new String[] {"Transfer from " + who + " failed: " + p,
                    "Check the primary's logs for transfers of " + z.domain() + " from " + from + "."};
        }
        return null;
    }

    private static String[] tsigRejected(String who, String problem) {
        String detail = problem.startsWith("TSIG ") ? " (" + problem.substring(5) + ")" : "";
        return new String[] {"TSIG rejected by " + who + detail,
                "Check that the TSIG key name, algorithm and secret you gave us match the primary's; "
                        + "change them with the change form if not."};
    }

    private ZoneStatus.Delegation delegation(Name name) {
        List<String> ours = config.nsNames().stream().map(StatusCheck::norm).toList();
        List<Name> found = probe.parentDelegation(name);
        boolean atParent = !found.isEmpty();
        if (!atParent) found = probe.publicNs(name); // no reachable parent (labs): the zone's own NS set
        List<String> listed = found.stream().map(n -> norm(n.toString())).toList();
        List<String> missing = ours.stream().filter(n -> !listed.contains(n)).toList();
        return new ZoneStatus.Delegation(ours, listed, missing, !found.isEmpty(), atParent);
    }

    /**
     * A primary's serial, asked only while the address policy accepts it: a zone stored before a range was refused
     * keeps its row, but we no longer send it packets (the collector and sites are our own and are not judged).
     */
    private ZoneStatus.ServerSerial primarySerialAt(String label, InetSocketAddress server, Name name, TsigInput key) {
        Optional<net.nsglobal.dns.config.AddressPolicy.Refusal> refused = policy.check(server.getAddress());
        if (refused.isPresent()) return new ZoneStatus.ServerSerial(label, null, "not asked: " + refused.get().reason);
        return serialAt(label, server, name, key);
    }

    private ZoneStatus.ServerSerial serialAt(String label, InetSocketAddress server, Name name, TsigInput key) {
        SoaAnswer a = probe.soaAt(server, name, key == null ? null : key.signer());
        if (a instanceof SoaAnswer.TsigFailed t) return new ZoneStatus.ServerSerial(label, null, "TSIG " + t.why());
        if (a instanceof SoaAnswer.Found f && f.authoritative()) return new ZoneStatus.ServerSerial(label, f.soa().getSerial(), null);
        if (a instanceof SoaAnswer.Found) return new ZoneStatus.ServerSerial(label, null, "answers, but not authoritatively");
        if (a instanceof SoaAnswer.Rcode rc) return new ZoneStatus.ServerSerial(label, null, rc.rcode());
        if (a instanceof SoaAnswer.NoSuchDomain) return new ZoneStatus.ServerSerial(label, null, "NXDOMAIN");
        if (a instanceof SoaAnswer.NotAZone) return new ZoneStatus.ServerSerial(label, null, "no SOA");
        return new ZoneStatus.ServerSerial(label, null, "no answer");
    }

    private static InetSocketAddress address(String primary) {
        try {
            return PrimaryAddress.parse(primary).socketAddress();
        } catch (PrimaryAddress.Invalid e) {
            throw new IllegalStateException("stored primary does not parse: " + primary, e);
        }
    }

    private static String norm(String n) {
        String s = n.toLowerCase(Locale.ROOT);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static Name absolute(String d) {
        try {
            return Name.fromString(d + ".");
        } catch (TextParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
