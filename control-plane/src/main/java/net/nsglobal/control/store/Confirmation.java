package net.nsglobal.control.store;

/** What pressing Confirm on a mailed link led to; a verdict, not an exception. */
public sealed interface Confirmation {
    /** The request was applied (zone added, changed or removed) and the token is used up. */
    record Applied(PendingRequest request) implements Confirmation {}

    /**
     * Nothing changed: since the request was made, another zone started using a TSIG key of the same name with another
     * secret or algorithm (the collector knows one secret per key name). The token stays unused but cannot succeed
     * while that zone keeps the key; the owner asks again with another key name.
     */
    record KeyNameTaken(PendingRequest request) implements Confirmation {}

    /**
     * Nothing changed: a sign-up for a zone that is served already (changes go through the change flow, whose mail
     * shows what is replaced). The token is used up.
     */
    record ZoneExists(PendingRequest request) implements Confirmation {}

    /**
     * Nothing changed: the ownership proof no longer holds (the public SOA names another RNAME than the one the link
     * was mailed to). The link is dead; {@code why} says what changed.
     */
    record ProofGone(PendingRequest request, String why) implements Confirmation {}

    /**
     * Nothing changed yet: the proof cannot be seen right now (the TXT record is not published yet, or the public SOA
     * could not be looked up). The link stays valid; {@code why} says what to do.
     */
    record ProofPending(PendingRequest request, String why) implements Confirmation {}

    /**
     * Nothing changed: a sign-up that would now exceed a zone cap ({@code max-zones-per-domain} or
     * {@code max-zones-per-rname}), because other sign-ups were confirmed since it was requested. The link stays
     * valid until it expires, so the owner can confirm once a zone was removed; {@code why} says which cap.
     */
    record ZoneCapReached(PendingRequest request, String why) implements Confirmation {}

    /**
     * Nothing changed: a sign-up next to a zone served now (confirmed since it was requested) whose parent zone does
     * not delegate the child. The link stays valid until it expires: once the delegation is in place (or the stale
     * zone removed), Confirm works; {@code why} says what to fix.
     */
    record NestingRefused(PendingRequest request, String why) implements Confirmation {}

    /**
     * Nothing changed: the served zones above or below the domain changed between the delegation check and the
     * confirmation transaction (another confirmation won the race). The caller checks again.
     */
    record NestingChanged(PendingRequest request) implements Confirmation {}

    /** Unknown, already used or expired token (all look the same to the visitor). */
    record NotFound() implements Confirmation {}
}
