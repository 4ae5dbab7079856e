package net.nsglobal.control.signup;

import java.time.Clock;
import net.nsglobal.control.probe.Delegation;
import net.nsglobal.control.probe.DelegationCheck;
import net.nsglobal.control.store.ProofStore;
import net.nsglobal.control.store.Repository;
import net.nsglobal.control.store.ZoneEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-checks, for every served zone, that its parent zone still delegates to it, and records the verdict: a zone whose
 * parent stopped delegating is flagged on its status page and in the operators' list ({@code /api/v1/ops/undelegated}),
 * because our edges keep answering for it (and for every name below it) with AA=1 until someone removes it. An
 * inconclusive check changes nothing (a parent that is briefly unreachable flags no one).
 */
public final class DelegationWatch {
    private static final Logger log = LoggerFactory.getLogger(DelegationWatch.class);

    private final Repository repo;
    private final ProofStore store;
    private final DelegationCheck check;
    private final Clock clock;

    public DelegationWatch(Repository repo, ProofStore store, DelegationCheck check, Clock clock) {
        this.repo = repo;
        this.store = store;
        this.check = check;
        this.clock = clock;
    }

    /** One round over all zones; one zone's failure never stops the round. */
    public void runOnce() {
        for (ZoneEntry z : repo.zones()) {
            try {
                Delegation d = check.check(z.domain());
                if (d instanceof Delegation.Delegated ok) {
                    store.saveDelegation(z.domain(), ok.parent(), true, ok.parent() + " delegates " + z.domain(),
                            clock.instant());
                } else if (d instanceof Delegation.NotDelegated no) {
                    boolean wasFlagged = store.delegation(z.domain()).map(s -> !s.delegated()).orElse(false);
                    store.saveDelegation(z.domain(), no.parent(), false, no.detail(), clock.instant());
                    if (!wasFlagged) log.warn("delegation {}: parent {} no longer delegates it: {}", z.domain(),
                            no.parent(), no.detail());
                }
            } catch (RuntimeException e) {
                log.warn("delegation {}: check failed: {}", z.domain(), e.toString());
            }
        }
    }
}
