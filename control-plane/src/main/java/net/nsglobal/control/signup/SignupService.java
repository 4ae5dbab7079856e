package net.nsglobal.control.signup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.mail.Mailer;
import net.nsglobal.control.probe.DelegationCheck;
import net.nsglobal.control.probe.DnsProbe;
import net.nsglobal.control.probe.SoaAnswer;
import net.nsglobal.control.store.PendingRequest.Kind;
import net.nsglobal.control.store.ProofStore;
import net.nsglobal.control.store.Repository;
import net.nsglobal.control.store.RequestProof;
import net.nsglobal.control.store.ZoneEntry;
import net.nsglobal.dns.config.AddressPolicy;
import net.nsglobal.control.validate.DomainName;
import net.nsglobal.control.validate.PrimaryAddress;
import net.nsglobal.control.validate.Rname;
import net.nsglobal.control.validate.SignupInput;
import net.nsglobal.control.validate.TsigInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;

/**
 * The request half of the flow: check the input, look up the zone's SOA through the resolver,
 * check every primary answers authoritatively, decode the RNAME, then store a pending request and mail its link to
 * the RNAME mailbox only. Order matters: nothing is stored or mailed before every check passed, and the per-domain
 * and per-RNAME limits are charged only for requests that would really send mail.
 */
public final class SignupService {
    private static final Logger log = LoggerFactory.getLogger(SignupService.class);

    private final ControlPlaneConfig config;
    private final Repository repo;
    private final DnsProbe probe;
    private final Mailer mailer;
    private final SignupLimits limits;
    private final SignupInput input;
    private final Clock clock;
    private final ProofStore proofs;
    private final DelegationCheck delegations;
    private final Nesting nesting;

    public SignupService(ControlPlaneConfig config, Repository repo, DnsProbe probe, Mailer mailer, Clock clock) {
        this(config, repo, probe, mailer, clock, null, null);
    }

    /** @param proofs and {@code delegations} null = no nesting check and no proof records (unit use only) */
    public SignupService(ControlPlaneConfig config, Repository repo, DnsProbe probe, Mailer mailer, Clock clock,
                         ProofStore proofs, DelegationCheck delegations) {
        this.proofs = proofs;
        this.delegations = delegations;
        this.nesting = proofs == null ? null : new Nesting(proofs, delegations);
        this.config = config;
        this.repo = repo;
        this.probe = probe;
        this.mailer = mailer;
        this.clock = clock;
        this.limits = new SignupLimits(config.limits(), repo.quotas(), clock);
        this.input = new SignupInput(new AddressPolicy(config.allowList(), config.ownPrefixes()));
    }

    /** A sign-up ({@link Kind#SIGNUP}) or a change of primaries/TSIG ({@link Kind#CHANGE}). */
    public Outcome request(Kind kind, String clientIp, String domain, List<String> primaries,
                           String tsigName, String tsigAlgorithm, String tsigSecret) {
        return request(kind, clientIp, domain, primaries, tsigName, tsigAlgorithm, tsigSecret, false);
    }

    /**
     * @param txtProof prove ownership with a TXT record at {@code _nsglobal-challenge.DOMAIN} instead of the RNAME
     *                 mail (only when {@code signup.txt-proof} is on): nothing is mailed, the link is given back
     */
    public Outcome request(Kind kind, String clientIp, String domain, List<String> primaries,
                           String tsigName, String tsigAlgorithm, String tsigSecret, boolean txtProof) {
        if (txtProof && !config.signup().txtProof()) {
            return new Outcome.Invalid(Map.of("proof", "The TXT-record proof is not offered here; confirm by the mail "
                    + "to the SOA contact (RNAME)."));
        }
        if (!limits.admitClient(clientIp, false)) {
            return new Outcome.Limited("Too many requests from your address; try again later.");
        }
        SignupInput.Result r = input.check(domain, primaries, tsigName, tsigAlgorithm, tsigSecret);
        if (!r.ok()) return new Outcome.Invalid(r.errors());
        SignupInput.Valid v = r.valid();
        Optional<ZoneEntry> existing = repo.zone(v.domain());
        if (kind == Kind.SIGNUP && existing.isPresent()) {
            return new Outcome.Invalid(Map.of("domain", v.domain()
                    + " is already served by NS-Global. To change its primaries, use the change form."));
        }
        if (kind == Kind.CHANGE && existing.isEmpty()) {
            return new Outcome.Invalid(Map.of("domain", v.domain() + " is not served by NS-Global yet; sign it up first."));
        }
        TsigInput t = v.tsig();
        Optional<String> ours = t == null ? Optional.empty() : reservedSuffix(t.name());
        if (ours.isPresent()) {
            return new Outcome.Invalid(Map.of("tsig.name", "Key names under " + ours.get() + " are reserved for "
                    + "NS-Global's own servers. " + renameAdvice(t.name(), v.domain())));
        }
        if (t != null && !repo.keyNameHolders(t, v.domain()).isEmpty()) {
            // Checked again when the link is confirmed (another sign-up may take the name meanwhile).
            log.info("signup {}: TSIG key name {} refused, another zone uses it with another secret", v.domain(), t.name());
            return new Outcome.Unverifiable(Map.of("tsig.name", keyNameTaken(t.name(), v.domain())));
        }
        Map<String, String> dnsErrors = new LinkedHashMap<>();
        // The proof is the PUBLIC SOA, through the resolver: never the SOA of the primary the requester gave us.
        SoaAnswer pub = probe.publicSoa(absolute(v.domain()));
        Optional<String> mailbox = ownerMailbox(v.domain(), pub, dnsErrors);
        if (txtProof && pub instanceof SoaAnswer.Found) dnsErrors.remove("domain"); // the RNAME need not be a mailbox
        if (!dnsErrors.isEmpty()) return new Outcome.Unverifiable(dnsErrors);
        if (kind == Kind.SIGNUP && nesting != null) {
            Optional<String> refusal = nesting.refusal(v.domain());
            if (refusal.isPresent()) return new Outcome.Unverifiable(Map.of("domain", refusal.get()));
        }
        List<SOARecord> primarySoas = checkPrimaries(v.domain(), v.primaries(), t, dnsErrors);
        if (!dnsErrors.isEmpty()) return new Outcome.Unverifiable(dnsErrors);
        List<String> prim = v.primaries().stream().map(PrimaryAddress::toString).toList();
        String note = SoaComparison.note(((SoaAnswer.Found) pub).soa(), v.primaries(), primarySoas);
        if (txtProof) {
            return challenge(kind, v.domain(), prim, t, mailbox.orElse(""), note);
        }
        return mail(kind, v.domain(), prim, t, mailbox.get(), new RequestProof(RequestProof.Method.RNAME, v.domain(), note));
    }

    /** Removal of a zone: only the domain is given; the link goes to the RNAME as for a sign-up. */
    public Outcome requestRemoval(String clientIp, String domain) {
        return requestRemoval(clientIp, domain, false);
    }

    /**
     * @param asParent "I own the parent": the link goes to the RNAME of the zone above {@code domain} (found through
     *                 the resolver), whose owner decides whether the name is delegated at all. This is how the owner
     *                 of victim.com removes a stale x.victim.com that someone else signed up while it was delegated.
     */
    public Outcome requestRemoval(String clientIp, String domain, boolean asParent) {
        if (!limits.admitClient(clientIp, true)) {
            return new Outcome.Limited("Too many requests from your address; try again later.");
        }
        String d;
        try {
            d = DomainName.normalise(domain);
        } catch (DomainName.Invalid e) {
            return new Outcome.Invalid(Map.of("domain", e.getMessage()));
        }
        if (repo.zone(d).isEmpty()) return new Outcome.Invalid(Map.of("domain", d + " is not served by NS-Global."));
        Map<String, String> dnsErrors = new LinkedHashMap<>();
        if (asParent) {
            Optional<String> parent = delegations == null ? Optional.empty() : delegations.parentApex(d);
            if (parent.isEmpty()) {
                return new Outcome.Unverifiable(Map.of("domain", "We could not find the zone above " + d
                        + " in the DNS, so there is no parent contact to ask."));
            }
            Optional<String> m = ownerMailbox(parent.get(), probe.publicSoa(absolute(parent.get())), dnsErrors);
            if (m.isEmpty()) return new Outcome.Unverifiable(dnsErrors);
            return mail(Kind.DELETE, d, null, null, m.get(),
                    new RequestProof(RequestProof.Method.PARENT_RNAME, parent.get(), null));
        }
        Optional<String> mailbox = ownerMailbox(d, probe.publicSoa(absolute(d)), dnsErrors);
        if (mailbox.isEmpty()) {
            // The zone may be gone from the public DNS already: the mailbox confirmed last time still proves ownership.
            mailbox = repo.zone(d).map(ZoneEntry::mailbox).filter(x -> !x.isEmpty());
        }
        if (mailbox.isEmpty()) return new Outcome.Unverifiable(dnsErrors);
        return mail(Kind.DELETE, d, null, null, mailbox.get(), RequestProof.rnameOf(d));
    }

    /** The TXT-record proof: store the request and give its link back; nothing is mailed. */
    private Outcome challenge(Kind kind, String domain, List<String> primaries, TsigInput t, String mailbox, String note) {
        Outcome.Limited refused = limits.admitMail(kind, domain, mailbox);
        if (refused != null) return refused;
        String token = Tokens.newToken();
        byte[] hash = Tokens.hash(token);
        long id = repo.insertPending(kind, domain, primaries, t == null ? null : t.name(),
                t == null ? null : t.algorithm(), t == null ? null : t.secret(), mailbox, hash,
                clock.instant().plus(config.limits().tokenLifetime()));
        proofs.saveProof(id, new RequestProof(RequestProof.Method.TXT, domain, note));
        log.info("signup {}: {} waits for its TXT challenge", domain, kind);
        return new Outcome.Challenge(domain, Tokens.challengeName(domain), Tokens.challengeValue(hash),
                config.publicUrl() + "/confirm/" + token, note, allowOnPrimary());
    }

    private Outcome mail(Kind kind, String domain, List<String> primaries, TsigInput t, String mailbox,
                         RequestProof proof) {
        Outcome.Limited refused = limits.admitMail(kind, domain, mailbox);
        if (refused != null) return refused;
        String token = Tokens.newToken();
        long id = repo.insertPending(kind, domain, primaries, t == null ? null : t.name(),
                t == null ? null : t.algorithm(), t == null ? null : t.secret(), mailbox, Tokens.hash(token),
                clock.instant().plus(config.limits().tokenLifetime()));
        if (proofs != null) proofs.saveProof(id, proof);
        try {
            mailer.send(mailbox, ConfirmationMail.subject(kind, domain), ConfirmationMail.body(config, kind, domain,
                    primaries, token, proof));
        } catch (Mailer.MailFailure e) {
            repo.deletePending(id);
            log.warn("signup {}: {}", domain, e.getMessage());
            return new Outcome.MailFailed("The confirmation mail could not be sent right now; nothing was saved. "
                    + "Please try again in a few minutes.");
        }
        log.info("signup {}: {} confirmation mailed to {}", domain, kind, Rname.mask(mailbox));
        return new Outcome.Sent(domain, Rname.mask(mailbox), allowOnPrimary());
    }

    /** What the owner must configure on the primary and at the parent, shown after sign-up and in the mail. */
    public List<String> allowOnPrimary() {
        List<String> l = new ArrayList<>();
        l.add("Allow zone transfers (AXFR and IXFR) from " + config.collector().transferAddress() + ".");
        l.add("Send NOTIFY to " + config.collector().transferAddress() + " when the zone changes.");
        if (!config.nsNames().isEmpty()) {
            l.add("List our name servers in the delegation at your registrar: " + String.join(", ", config.nsNames()) + ".");
        }
        return l;
    }

    /** The RNAME mailbox from the public SOA; fills {@code errors["domain"]} and returns empty when there is none. */
    private Optional<String> ownerMailbox(String domain, SoaAnswer a, Map<String, String> errors) {
        if (a instanceof SoaAnswer.Found f) {
            Optional<String> m = Rname.toMailbox(f.soa().getAdmin());
            if (m.isEmpty()) {
                errors.put("domain", "The SOA of " + domain + " names \"" + f.soa().getAdmin()
                        + "\" as its contact, which is not a mail address we can write to. Set the SOA RNAME "
                        + "to a mailbox you read (e.g. hostmaster." + domain + ".).");
            }
            return m;
        } else if (a instanceof SoaAnswer.NoSuchDomain) {
            errors.put("domain", domain + " does not exist in the DNS (NXDOMAIN).");
        } else if (a instanceof SoaAnswer.NotAZone) {
            errors.put("domain", domain + " exists but is not a zone of its own (no SOA).");
        } else if (a instanceof SoaAnswer.Rcode rc) {
            errors.put("domain", "Looking up the SOA of " + domain + " failed: " + rc.rcode() + ".");
        } else {
            errors.put("domain", "Our resolver could not look up " + domain + " right now; please try again in a minute.");
        }
        return Optional.empty();
    }

    /**
     * Our own domain (the parent of each of our NS names, e.g. {@code nsglobal.example} for ns1.nsglobal.example) when
     * {@code keyName} is at or below it. The collector's own keys (e.g. the fleet key its edges use) live there and
     * win over the key file on a name clash, so a customer key named like one would never be used for its zone.
     */
    private Optional<String> reservedSuffix(String keyName) {
        String n = TsigInput.normalName(keyName);
        for (String ns : config.nsNames()) {
            String host = TsigInput.normalName(ns);
            int dot = host.indexOf('.');
            if (dot < 0 || host.indexOf('.', dot + 1) < 0) continue; // a TLD is nobody's own domain
            String ownDomain = host.substring(dot + 1);
            if (n.equals(ownDomain) || n.endsWith("." + ownDomain)) return Optional.of(ownDomain);
        }
        return Optional.empty();
    }

    /**
     * Why a key name cannot be used (the field message): names are global on the collector and part of the MAC, so
     * the owner must pick another name on their side; which zone holds the name is not disclosed.
     */
    static String keyNameTaken(String keyName, String domain) {
        return "The TSIG key name " + keyName + " is already used at NS-Global by another zone, with a different "
                + "secret or algorithm. " + renameAdvice(keyName, domain);
    }

    /** What to do about a taken key name (also on the confirmation page when the name was taken meanwhile). */
    public static String renameAdvice(String keyName, String domain) {
        return "Our collector knows each key by its name, and the name is part of every TSIG signature (RFC 8945 "
                + "§4.3.3), so we cannot rename it on our side. On your primary, create a key with a name of its "
                + "own (for example nsglobal-xfr." + domain + "), allow transfers with it, and give us that name.";
    }

    /**
     * Each primary must answer the SOA authoritatively; queries are signed with the zone's key, as transfers will be.
     * Returns the SOA each primary answered (null where none).
     */
    private List<SOARecord> checkPrimaries(String domain, List<PrimaryAddress> primaries, TsigInput tsig,
                                           Map<String, String> errors) {
        Name name = absolute(domain);
        List<SOARecord> soas = new ArrayList<>();
        for (int i = 0; i < primaries.size(); i++) {
            PrimaryAddress p = primaries.get(i);
            String key = "primaries[" + i + "]";
            SoaAnswer a = probe.soaAt(p.socketAddress(), name, tsig == null ? null : tsig.signer());
            String problem = PrimaryVerdicts.problem(a, p, domain);
            if (problem != null) errors.put(key, problem);
            soas.add(a instanceof SoaAnswer.Found f ? f.soa() : null);
        }
        return soas;
    }

    static Name absolute(String domain) {
        return net.nsglobal.config.DomainName.parse(domain);
    }

}
