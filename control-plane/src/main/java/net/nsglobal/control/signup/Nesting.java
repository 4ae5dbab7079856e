package net.nsglobal.control.signup;

import java.util.List;
import java.util.Optional;
import net.nsglobal.control.probe.Delegation;
import net.nsglobal.control.probe.DelegationCheck;
import net.nsglobal.control.store.ProofStore;

/**
 * No zone inside or above another served zone unless the DNS really has a zone cut between them. Our edges answer
 * from the longest zone they hold (RFC 1034 §4.3.2 step 2), so a served {@code x.victim.com} keeps answering for
 * everything under it with AA=1 even after the owner of {@code victim.com} removed the delegation; and a served
 * {@code victim.com} makes resolvers ask our edges for a new {@code y.victim.com}, where a stale child would answer.
 * A sign-up next to a served zone is therefore accepted only when the child's parent zone, asked at its own servers
 * (never our edges), delegates to the child.
 */
final class Nesting {
    private final ProofStore store;
    private final DelegationCheck check;

    Nesting(ProofStore store, DelegationCheck check) {
        this.store = store;
        this.check = check;
    }

    /** Why {@code domain} cannot be signed up next to the zones we serve; empty when it can. */
    Optional<String> refusal(String domain) {
        return refusal(domain, nested(domain));
    }

    /** The served zones strictly above or below {@code domain}, as {@link #refusal(String, List)} takes them. */
    List<String> nested(String domain) {
        return store.nestedZones(domain);
    }

    /** As {@link #refusal(String)}, judging the served zones {@code nested} (from {@link #nested}). */
    Optional<String> refusal(String domain, List<String> nested) {
        for (String other : nested) {
            boolean below = domain.endsWith("." + other);
            String child = below ? domain : other;
            Delegation d = check.check(child);
            if (d instanceof Delegation.Delegated) continue;
            if (below) {
                return Optional.of(domain + " is inside " + other + ", which NS-Global serves, and "
                        + (d instanceof Delegation.NotDelegated n ? n.parent() + " does not delegate " + domain
                                + " (" + n.detail() + ")" : "we could not confirm that its parent delegates it: "
                                + ((Delegation.Unknown) d).why())
                        + ". Our servers would answer for it without the parent's consent, so we serve a zone "
                        + "inside another only when its parent zone has NS records for it. Add the delegation in the "
                        + "parent zone and try again.");
            }
            return Optional.of(other + ", inside " + domain + ", is served by NS-Global for someone else, and "
                    + (d instanceof Delegation.NotDelegated n ? n.parent() + " no longer delegates it (" + n.detail()
                            + ")" : "we could not confirm that it is still delegated: " + ((Delegation.Unknown) d).why())
                    + ". While it is served, our servers would keep answering for " + other + " from that stale zone. "
                    + "If you own " + (d instanceof Delegation.NotDelegated n ? n.parent() : "the parent zone")
                    + ", ask for its removal first: on the page \"Change or remove a zone\", remove " + other
                    + " with \"I own the parent zone\"; the link goes to your zone's SOA contact.");
        }
        return Optional.empty();
    }
}
