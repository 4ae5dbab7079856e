package net.nsglobal.dashboard.signup;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import net.nsglobal.dashboard.catalog.CatalogPublisher;
import net.nsglobal.dashboard.probe.DelegationCheck;
import net.nsglobal.dashboard.probe.DnsProbe;
import net.nsglobal.dashboard.store.Confirmation;
import net.nsglobal.dashboard.store.PendingRequest;
import net.nsglobal.dashboard.store.ProofStore;
import net.nsglobal.dashboard.store.Repository;
import net.nsglobal.dashboard.store.RequestProof;
import net.nsglobal.dashboard.store.ZoneEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The confirmation half: GET previews (scanners follow links), POST applies. Applying is one transaction that marks the
 * token used and changes the zone list; then the catalog is rebuilt and the collector NOTIFYed.
 */
public final class ConfirmService {
    private static final Logger log = LoggerFactory.getLogger(ConfirmService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Repository repo;
    private final CatalogPublisher publisher;
    private final ProofStore proofs;
    private final ProofRecheck recheck;

    /** Without proof re-checks (the link alone is the proof): for tools that only republish. */
    public ConfirmService(Repository repo, CatalogPublisher publisher) {
        this(repo, publisher, null, null, null);
    }

    public ConfirmService(Repository repo, CatalogPublisher publisher, ProofStore proofs, DnsProbe probe,
                          DelegationCheck lookups) {
        this.repo = repo;
        this.publisher = publisher;
        this.proofs = proofs;
        this.recheck = proofs == null ? null : new ProofRecheck(probe, lookups);
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

    public Confirmation confirm(String token) {
        byte[] h = Tokens.hash(token);
        if (h == null) return new Confirmation.NotFound();
        Optional<PendingRequest> p = repo.pendingByToken(h);
        if (p.isEmpty()) return new Confirmation.NotFound();
        Optional<Confirmation> proofProblem = recheck(token, p.get());
        if (proofProblem.isPresent()) return proofProblem.get();
        // RFC 9432 §4.1: a fresh unique-id per member; a re-added zone gets a new one.
        String catalogId = "z" + HexFormat.of().formatHex(randomBytes(8));
        Confirmation c = repo.confirm(h, catalogId);
        if (c instanceof Confirmation.Applied a) {
            log.info("signup {}: {} confirmed", a.request().domain(), a.request().kind());
            republish();
        } else if (c instanceof Confirmation.KeyNameTaken t) {
            log.info("signup {}: {} not applied: TSIG key name {} was taken by another zone meanwhile",
                    t.request().domain(), t.request().kind(), t.request().tsigName());
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
