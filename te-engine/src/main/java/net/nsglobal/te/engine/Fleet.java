package net.nsglobal.te.engine;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.propose.ChangeApplier;
import net.nsglobal.te.store.ConfigChange;
import net.nsglobal.te.store.MeasurementStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each site runs, as far as the engine changed it: every change — a proposal, its rollback, an experiment and
 * its restore — goes through {@link #applier()}, which hands it to the binding (real BIRD, or the simulated world's
 * files), and, when the site took it, remembers the knobs and records a {@link ConfigChange} in the store (the charts
 * mark it, and it is the fleet's configuration version: proposals computed before it become stale).
 *
 * <p>{@link #changes()} is held by whichever job changes sites (learning's experiments, applying, verifying with its
 * rollback, proposing with auto-apply), so at most one change is in flight per site — in fact in the whole fleet.
 */
public final class Fleet {
    private static final Logger log = LoggerFactory.getLogger(Fleet.class);

    private final List<Site> sites;
    private final Map<String, Knobs> configured = new LinkedHashMap<>();
    private final Map<String, Knobs> running = new LinkedHashMap<>();
    private final ChangeApplier binding;
    private final MeasurementStore store;
    private final Clock clock;
    private final ReentrantLock changes = new ReentrantLock();

    /** The sites start at the knobs their {@code sites/CODE.yaml} configures ({@link Knobs#of(Site)}). */
    public Fleet(List<Site> sites, ChangeApplier binding, MeasurementStore store, Clock clock) {
        this.sites = List.copyOf(sites);
        for (Site s : sites) {
            configured.put(s.id(), Knobs.of(s));
            running.put(s.id(), Knobs.of(s));
        }
        this.binding = binding;
        this.store = store;
        this.clock = clock;
    }

    /**
     * After a restart: each site runs the knobs of the newest proposal that is still in effect for it (APPLIED or
     * VERIFIED; a rolled-back or failed one restored the knobs before it, and experiments always restore), else what
     * its yaml configures. {@code proposals} newest first, as the lifecycle lists them.
     */
    public synchronized void resume(List<net.nsglobal.te.propose.Proposal> proposals) {
        for (int i = proposals.size() - 1; i >= 0; i--) {
            net.nsglobal.te.propose.Proposal p = proposals.get(i);
            if (p.state() != net.nsglobal.te.propose.ProposalState.APPLIED
                    && p.state() != net.nsglobal.te.propose.ProposalState.VERIFIED) continue;
            p.candidate().knobs().forEach((site, knobs) -> {
                if (running.containsKey(site)) {
                    running.put(site, knobs);
                    log.info("te-engine fleet: site {} runs proposal #{} ({}): {}", site, p.id(), p.state(), describe(knobs));
                }
            });
        }
    }

    public List<Site> sites() { return sites; }

    public List<String> ids() { return sites.stream().map(Site::id).toList(); }

    /** Each site's knobs as its yaml configures them. */
    public Map<String, Knobs> configured() { return Map.copyOf(configured); }

    /** Each site's knobs now (site order). */
    public synchronized Map<String, Knobs> running() { return new LinkedHashMap<>(running); }

    /** The lock of whoever changes sites now; see the class comment. */
    public ReentrantLock changes() { return changes; }

    /** The recording applier: the binding's answer, and on Applied the knobs remembered and the change recorded. */
    public ChangeApplier applier() { return this::apply; }

    private ChangeApplier.Outcome apply(String site, Knobs knobs) {
        if (!configured.containsKey(site)) {
            return new ChangeApplier.Outcome.Refused("site " + site + " is not in this engine's fleet " + configured.keySet());
        }
        ChangeApplier.Outcome o;
        try {
            o = binding.apply(site, knobs);
        } catch (RuntimeException e) {
            o = new ChangeApplier.Outcome.Refused(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (o instanceof ChangeApplier.Outcome.Applied) {
            synchronized (this) {
                running.put(site, knobs);
            }
            store.recordConfigChange(new ConfigChange(clock.instant(), site, describe(knobs)));
            log.info("te-engine fleet: site {} runs {} ({})", site, describe(knobs), o.detail());
        } else {
            log.warn("te-engine fleet: site {} did not take {}: {}", site, describe(knobs), o.detail());
        }
        return o;
    }

    /** Knobs in a line: {@code ntt: prepend 2; cogent: withdrawn}. */
    public static String describe(Knobs k) {
        return k.sessions().entrySet().stream().map(e -> e.getKey() + ": " + (!e.getValue().announce() ? "withdrawn"
                : "prepend " + e.getValue().prepend() + (e.getValue().communities().isEmpty() ? ""
                : " communities " + e.getValue().communities().size()))).collect(Collectors.joining("; "));
    }
}
