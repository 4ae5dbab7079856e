package net.nsglobal.dashboard.store;

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

    /** Unknown, already used or expired token (all look the same to the visitor). */
    record NotFound() implements Confirmation {}
}
