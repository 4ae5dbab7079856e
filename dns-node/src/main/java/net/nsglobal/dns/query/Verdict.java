package net.nsglobal.dns.query;

/**
 * What a pipeline stage decided (NSD's {@code query_state}): protocol conditions are verdicts, never exceptions.
 */
public enum Verdict {
    /** Not mine: hand the query to the next stage. */
    CONTINUE,
    /** A response has been set on the context (or streamed, for zone transfers); stop. */
    RESPOND,
    /** Send nothing at all (RFC 1035 §4.1.1: a message with QR=1 is never answered). */
    DROP
}
