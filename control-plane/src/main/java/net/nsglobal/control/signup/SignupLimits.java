package net.nsglobal.control.signup;

import java.time.Clock;
import java.util.List;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.store.PendingRequest.Kind;
import net.nsglobal.control.store.Quotas;
import net.nsglobal.control.validate.Rname;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every limit a request passes before anything is mailed, keyed as {@link LimitKeys} explains. Two rules hold
 * throughout: a refused request is not charged (so a refusal cannot be used to burn someone else's allowance), and
 * removals are counted apart from sign-ups and changes (so sign-up pressure, even aimed at the owner's own mailbox or
 * domain, never blocks a removal; removal mails only ever reach the zone's confirmed owner). Pending sign-ups and
 * changes are capped per registrable domain and per mailbox by dropping the oldest, never by refusing the newest.
 */
final class SignupLimits {
    private static final Logger log = LoggerFactory.getLogger(SignupLimits.class);
    private final ControlPlaneConfig.Limits limits;
    private final Quotas quotas;
    private final RateLimiter limiter;
    private final ZoneCaps caps;

    SignupLimits(ControlPlaneConfig.Limits limits, Quotas quotas, Clock clock) {
        this.limits = limits;
        this.quotas = quotas;
        this.limiter = new RateLimiter(clock, limits.window(), limits.trackedKeys());
        this.caps = new ZoneCaps(limits, quotas);
    }

    /** Charges one request to the client's networks; false when one of them is over its limit. */
    boolean admitClient(String clientIp, boolean removal) {
        List<String> keys = LimitKeys.client(clientIp).stream().map(k -> (removal ? "del-" : "") + k).toList();
        for (String k : keys) if (!limiter.hasRoom(k, clientLimit(k))) return false;
        for (String k : keys) limiter.tryAcquire(k, clientLimit(k));
        return true;
    }

    private int clientLimit(String key) {
        return key.contains("site:") ? limits.perClientSite() : limits.perClientIp();
    }

    /** Null when a confirmation mail for this request may go out (and charges it); otherwise why not. */
    Outcome.Limited admitMail(Kind kind, String domain, String mailbox) {
        boolean removal = kind == Kind.DELETE;
        String registrable = LimitKeys.registrableDomain(domain);
        String person = LimitKeys.mailbox(mailbox);
        if (kind == Kind.SIGNUP) {
            String full = caps.refusal(domain, mailbox);
            if (full != null) return new Outcome.Limited(full);
        }
        // Removals count per zone (only its owner is mailed); sign-ups and changes per registrable domain.
        String domainKey = removal ? "del-domain:" + domain : "domain:" + registrable;
        String mailboxKey = (removal ? "del-rname:" : "rname:") + person;
        if (!limiter.hasRoom(domainKey, limits.perDomain()) || !limiter.hasRoom(mailboxKey, limits.perRname())) {
            return new Outcome.Limited("A confirmation for " + domain + " was mailed recently; check the mailbox "
                    + Rname.mask(mailbox) + " or try again later.");
        }
        if (!removal && (limits.maxPendingPerDomain() < 1 || limits.maxPendingPerRname() < 1)) {
            return new Outcome.Limited("Sign-ups and changes are closed at the moment; removals still work.");
        }
        limiter.tryAcquire(domainKey, limits.perDomain());
        limiter.tryAcquire(mailboxKey, limits.perRname());
        if (!removal) {
            // At the cap the oldest request makes room (its link stops working): a cap that refused instead would let
            // anyone who keeps a domain's or a mailbox's requests pending lock its owner out until they expire.
            int dropped = quotas.trimPendingUnder(registrable, limits.maxPendingPerDomain() - 1)
                    + quotas.trimPendingFor(person, limits.maxPendingPerRname() - 1);
            if (dropped > 0) {
                log.info("signup {}: {} older pending requests under {} or to {} dropped (pending cap)", domain,
                        dropped, registrable, Rname.mask(mailbox));
            }
        }
        return null;
    }
}
