package net.nsglobal.control.store;

import java.util.List;

/**
 * What a sign-up must still satisfy when its link is confirmed, checked inside the confirmation transaction (under
 * the lock that serialises confirmations), because other sign-ups may have been confirmed since it was requested:
 * the zone caps, and the served zones around it being the very ones whose delegation was just checked.
 *
 * @param registrable      the registrable domain the zone counts under ({@code max-zones-per-domain})
 * @param maxZonesUnder    zones that may be served under {@code registrable}
 * @param domainCapWhy     the refusal when that cap is reached
 * @param mailboxKey       the normalised RNAME mailbox the zone counts for ({@code max-zones-per-rname})
 * @param maxZonesFor      zones that may be served for {@code mailboxKey}
 * @param mailboxCapWhy    the refusal when that cap is reached
 * @param nestedChecked    the served zones above or below the domain whose delegation was checked just before
 *                         (empty = there were none); any other set now means the check is out of date
 */
public record SignupGuard(String registrable, int maxZonesUnder, String domainCapWhy, String mailboxKey,
                          int maxZonesFor, String mailboxCapWhy, List<String> nestedChecked) {}
