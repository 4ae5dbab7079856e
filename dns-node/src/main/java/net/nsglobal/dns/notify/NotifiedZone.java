package net.nsglobal.dns.notify;

import net.nsglobal.dns.xfrin.SecondarySpec;

/**
 * What {@link NotifyStage} needs of a zone this node is secondary for: where it pulls from (to accept NOTIFY only from
 * its primaries, RFC 1996 §3.10, signed with its key) and a way to ask for a refresh (§3.7). Owned here so that the
 * NOTIFY receiver does not depend on the secondary-zone machinery that implements it.
 */
public interface NotifiedZone {
    SecondarySpec spec();

    /**
     * An accepted NOTIFY from one of the zone's primaries.
     *
     * @param signed true when it was TSIG-signed with the zone's key; only then may it cut a back-off short
     * @return false when it was ignored
     */
    boolean notified(String from, boolean signed);
}
