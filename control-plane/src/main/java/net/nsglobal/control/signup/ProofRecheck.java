package net.nsglobal.control.signup;

import java.util.Optional;
import net.nsglobal.control.probe.DelegationCheck;
import net.nsglobal.control.probe.DnsProbe;
import net.nsglobal.control.probe.SoaAnswer;
import net.nsglobal.control.store.Confirmation;
import net.nsglobal.control.store.PendingRequest;
import net.nsglobal.control.store.PendingRequest.Kind;
import net.nsglobal.control.store.RequestProof;
import net.nsglobal.control.store.ZoneEntry;
import net.nsglobal.control.validate.Rname;

/**
 * The ownership proof, checked again when a link is opened and when it is confirmed: a mailed link is worth only as
 * much as the mailbox it went to, and the zone may have changed hands (or contact) since. An RNAME that changed kills
 * the link; a proof that cannot be seen right now (lookup failed, TXT record not published yet) only waits.
 */
final class ProofRecheck {
    private final DnsProbe probe;
    private final DelegationCheck lookups;

    ProofRecheck(DnsProbe probe, DelegationCheck lookups) {
        this.probe = probe;
        this.lookups = lookups;
    }

    /**
     * Empty when the proof still holds; {@link Confirmation.ProofGone} (link to be killed) or
     * {@link Confirmation.ProofPending} otherwise.
     *
     * @param served the zone as served now (for a removal of a zone already gone from the public DNS)
     */
    Optional<Confirmation> verdict(PendingRequest r, RequestProof proof, byte[] tokenHash, Optional<ZoneEntry> served) {
        if (proof.method() == RequestProof.Method.TXT) {
            String name = Tokens.challengeName(r.domain());
            String value = Tokens.challengeValue(tokenHash);
            if (lookups.publicTxt(name).contains(value)) return Optional.empty();
            return Optional.of(new Confirmation.ProofPending(r, "We do not see the TXT record " + name + " \"" + value
                    + "\" in the public DNS yet. Publish it in the zone " + r.domain() + ", wait until your "
                    + "secondaries have it, then press Confirm again."));
        }
        SoaAnswer a = probe.publicSoa(SignupService.absolute(proof.zone()));
        if (a instanceof SoaAnswer.Found f) {
            Optional<String> now = Rname.toMailbox(f.soa().getAdmin());
            if (now.isPresent() && now.get().equalsIgnoreCase(r.mailbox())) return Optional.empty();
            return Optional.of(new Confirmation.ProofGone(r, "The contact (RNAME) in the SOA of " + proof.zone()
                    + " is no longer the address this link was mailed to (" + Rname.mask(r.mailbox()) + "), so the "
                    + "link proves nothing any more. Ask again: the new link goes to the current contact."));
        }
        boolean gone = a instanceof SoaAnswer.NoSuchDomain || a instanceof SoaAnswer.NotAZone;
        if (gone && r.kind() == Kind.DELETE && proof.method() == RequestProof.Method.RNAME
                && served.map(z -> z.mailbox().equalsIgnoreCase(r.mailbox())).orElse(false)) {
            return Optional.empty(); // the zone left the public DNS: the mailbox confirmed at sign-up still proves it
        }
        return Optional.of(new Confirmation.ProofPending(r, "We could not look up the SOA of " + proof.zone()
                + " to check that its contact is still the address this link was mailed to. Try again in a minute."));
    }
}
