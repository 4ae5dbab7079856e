package net.nsglobal.control.signup;

import java.util.List;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.store.Quotas;
import net.nsglobal.control.store.SignupGuard;
import net.nsglobal.control.validate.Rname;

/**
 * The zone caps ({@code max-zones-per-domain}, {@code max-zones-per-rname}): how many zones one registrable domain
 * and one mailbox may have served. Checked when a sign-up is requested (nothing is mailed past a cap) and again when
 * it is confirmed, inside the confirmation transaction: several sign-ups requested while there was room would
 * otherwise all be confirmed past the cap. A sign-up proved by a TXT record whose SOA RNAME is no mailbox has no
 * contact to count by (its mailbox is empty), so only the registrable-domain cap applies to it.
 */
final class ZoneCaps {
    private final ControlPlaneConfig.Limits limits;
    private final Quotas quotas;

    ZoneCaps(ControlPlaneConfig.Limits limits, Quotas quotas) {
        this.limits = limits;
        this.quotas = quotas;
    }

    /** Why a new zone {@code domain} for {@code mailbox} would exceed a cap now; null when it fits. */
    String refusal(String domain, String mailbox) {
        String registrable = LimitKeys.registrableDomain(domain);
        if (quotas.zonesUnder(registrable) >= limits.maxZonesPerDomain()) return domainCapWhy(registrable);
        if (!mailbox.isEmpty() && quotas.zonesFor(LimitKeys.mailbox(mailbox)) >= limits.maxZonesPerRname()) {
            return mailboxCapWhy(mailbox);
        }
        return null;
    }

    /** The same caps, for the confirmation transaction, with the served zones around it that were just checked. */
    SignupGuard guard(String domain, String mailbox, List<String> nestedChecked) {
        String registrable = LimitKeys.registrableDomain(domain);
        boolean contact = !mailbox.isEmpty();
        return new SignupGuard(registrable, limits.maxZonesPerDomain(), domainCapWhy(registrable),
                LimitKeys.mailbox(mailbox), contact ? limits.maxZonesPerRname() : Integer.MAX_VALUE,
                contact ? mailboxCapWhy(mailbox) : null, nestedChecked);
    }

    private String domainCapWhy(String registrable) {
        return "NS-Global already serves " + limits.maxZonesPerDomain() + " zones under " + registrable
                + ", the most one registrable domain may have; remove one or ask us to raise it.";
    }

    private String mailboxCapWhy(String mailbox) {
        return "NS-Global already serves " + limits.maxZonesPerRname() + " zones whose contact is "
                + Rname.mask(mailbox) + ", the most one mailbox may have; remove one or ask us to raise it.";
    }
}
