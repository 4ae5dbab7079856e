package net.nsglobal.control.signup;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.catalog.CatalogPublisher;
import net.nsglobal.control.probe.DelegationCheck;
import net.nsglobal.control.probe.DnsProbe;
import net.nsglobal.control.store.Confirmation;
import net.nsglobal.control.store.PendingRequest;
import net.nsglobal.control.store.ProofStore;
import net.nsglobal.control.store.Repository;
import net.nsglobal.control.store.PendingRequest.Kind;
import net.nsglobal.control.store.RequestProof;
import net.nsglobal.control.store.SignupGuard;
import net.nsglobal.control.store.ZoneEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The confirmation half: GET only previews (mail scanners prefetch links), POST applies. Applying is one transaction
 * that marks the token used and changes the zone list; then the catalog is rebuilt and the collector NOTIFYed.
 * A sign-up is judged again at confirmation, not only when it was requested, because other sign-ups pending at the
 * same time may have been confirmed since: the ownership proof, the nesting check (a served zone above or below it,
 * whose parent must delegate the child) and the zone caps. A sign-up that fails them changes nothing and keeps its
 * link until it expires, so the owner can confirm once the delegation is added or a zone removed.
 */
public final class ConfirmService {
    private static final Logger log = LoggerFactory.getLogger(ConfirmService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Repository repo;
    private final CatalogPublisher publisher;
    private final ProofStore proofs;
    private final ProofRecheck recheck;
    private final Nesting nesting;
    private final ZoneCaps caps;

    /** Without proof re-checks (the link alone is the proof): for tools that only republish. */
    public ConfirmService(Repository repo, CatalogPublisher publisher) {
        this(repo, publisher, null, null, null, null);
    }

    /** @param limits the zone caps, checked again at confirmation (required with {@code proofs}) */
    public ConfirmService(Repository repo, CatalogPublisher publisher, ProofStore proofs, DnsProbe probe,
                          DelegationCheck lookups, ControlPlaneConfig.Limits limits) {
        this.repo = repo;
        this.publisher = publisher;
        this.proofs = proofs;
        this.recheck = proofs == null ? null : new ProofRecheck(probe, lookups);
        this.nesting = proofs == null ? null : new Nesting(proofs, lookups);
        this.caps = proofs == null ? null : new ZoneCaps(Objects.requireNonNull(limits, "limits"), repo.quotas());
    }

    /** What the token would confirm; empty when unknown, used or expired (all look the same to the visitor). */
    public Optional<PendingRequest> preview(String token) {
        byte[] h = Tokens.hash(token);
        return h == null ? Optional.empty() : repo.pendingByToken(h);
    }

    /** How the request proves ownership. */
    public RequestProof proof(PendingRequest r) {
        return proofs == null ? RequestProof.rnameOf(r.domain()) : proofs.proof(r);
    }

    /** The zone as served now (the "current" column of the confirm page); empty for a new zone. */
    public Optional<ZoneEntry> current(PendingRequest r) {
        return repo.zone(r.domain());
    }

    /** The TXT value a TXT-proof request waits for. */
    public static String challengeValue(String token) {
        byte[] h = Tokens.hash(token);
        return h == null ? null : Tokens.challengeValue(h);
    }

    /**
     * Checks the proof again (opening the link shows the verdict up front). Empty = it holds. A changed RNAME kills
     * the link here and now: {@link Confirmation.ProofGone}.
     */
    public Optional<Confirmation> recheck(String token, PendingRequest r) {
        if (recheck == null) return Optional.empty();
        Optional<Confirmation> v = recheck.verdict(r, proofs.proof(r), Tokens.hash(token), repo.zone(r.domain()));
        if (v.isPresent() && v.get() instanceof Confirmation.ProofGone g) {
            proofs.expire(r.id());
            log.info("signup {}: {} link killed: the SOA contact changed since it was mailed", r.domain(), r.kind());
        }
        return v;
    }

    /**
     * True when another zone now holds the request's TSIG key name with another secret or algorithm: pressing
     * Confirm would change nothing, so the page says so up front (the POST checks again, atomically).
     */
    public boolean keyNameTaken(PendingRequest r) {
        return r.tsig() != null && !repo.keyNameHolders(r.tsig(), r.domain()).isEmpty();
    }

    /**
     * Why a sign-up cannot be confirmed now (opening the link shows it up front, without a Confirm button): a zone
     * cap is reached, or a zone served above or below it is not separated from it by a delegation. Empty = it can
     * (the POST checks again, atomically).
     */
    public Optional<Confirmation> signupRefusal(PendingRequest r) {
        if (r.kind() != Kind.SIGNUP) return Optional.empty();
        String full = caps == null ? null : caps.refusal(r.domain(), r.mailbox());
        if (full != null) return Optional.of(new Confirmation.ZoneCapReached(r, full));
        if (nesting == null) return Optional.empty();
        return nesting.refusal(r.domain()).map(why -> new Confirmation.NestingRefused(r, why));
    }

    public Confirmation confirm(String token) {
        byte[] h = Tokens.hash(token);
        if (h == null) return new Confirmation.NotFound();
        Optional<PendingRequest> p = repo.pendingByToken(h);
        if (p.isEmpty()) return new Confirmation.NotFound();
        Optional<Confirmation> proofProblem = recheck(token, p.get());
        if (proofProblem.isPresent()) return proofProblem.get();
        // RFC 9432 §4.1: a fresh unique-id per member; a re-added zone gets a new one.
        String catalogId = "z" + HexFormat.of().formatHex(randomBytes(8));
        Confirmation c;
        int attempt = 0;
        do {
            // The delegation check asks the DNS (seconds), so it runs outside the confirmation lock; the transaction
            // then insists that the served zones around the domain are still the ones checked here.
            SignupGuard guard = null;
            if (p.get().kind() == Kind.SIGNUP && nesting != null) {
                List<String> nested = nesting.nested(p.get().domain());
                Optional<String> refusal = nesting.refusal(p.get().domain(), nested);
                if (refusal.isPresent()) {
                    log.info("signup {}: sign-up not applied: {}", p.get().domain(), refusal.get());
                    return new Confirmation.NestingRefused(p.get(), refusal.get());
                }
                guard = caps.guard(p.get().domain(), p.get().mailbox(), nested);
            }
            c = repo.confirm(h, catalogId, guard);
        } while (c instanceof Confirmation.NestingChanged && ++attempt < 3);
        if (c instanceof Confirmation.Applied a) {
            log.info("signup {}: {} confirmed", a.request().domain(), a.request().kind());
            republish();
        } else if (c instanceof Confirmation.KeyNameTaken t) {
            log.info("signup {}: {} not applied: TSIG key name {} was taken by another zone meanwhile",
                    t.request().domain(), t.request().kind(), t.request().tsigName());
        } else if (c instanceof Confirmation.ZoneCapReached z) {
            log.info("signup {}: sign-up not applied: {}", z.request().domain(), z.why());
        } else if (c instanceof Confirmation.NestingChanged n) {
            log.info("signup {}: sign-up not applied: the zones served around it kept changing", n.request().domain());
        } else if (c instanceof Confirmation.ZoneExists z) {
            log.info("signup {}: sign-up not applied: the zone is served already", z.request().domain());
        }
        return c;
    }

    /** Pushes the stored zone list to the catalog (also called once at start, so a restart serves it again). */
    public void republish() {
        publisher.publish(repo.catalogSerial(), repo.zones());
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
