package net.nsglobal.control.probe;

import org.xbill.DNS.SOARecord;

/**
 * The verdict of one SOA query. Protocol outcomes are values, not exceptions: the sign-up page turns each into a
 * sentence, the status page into a "last error" with a fix.
 */
public sealed interface SoaAnswer {
    /** NOERROR with the zone's SOA in the answer; {@code authoritative} is the AA bit (RFC 1035 §4.1.1). */
    record Found(SOARecord soa, boolean authoritative) implements SoaAnswer {}
    /** NXDOMAIN: the name does not exist. */
    record NoSuchDomain() implements SoaAnswer {}
    /** NOERROR without an SOA at that name: the name exists but is not a zone apex. */
    record NotAZone() implements SoaAnswer {}
    /** Any other rcode (REFUSED, SERVFAIL, NOTAUTH …), by name. */
    record Rcode(String rcode) implements SoaAnswer {}
    /**
     * A query signed with the zone's TSIG key failed on TSIG: the server refused the signature ({@code why} is its
     * TSIG error, BADKEY/BADSIG/BADTIME, RFC 8945 §5.2), or its answer's MAC did not verify with our key (§5.3.2:
     * {@code why} = "unverifiable answer").
     */
    record TsigFailed(String why) implements SoaAnswer {}
    /** No answer over UDP nor TCP within the timeout, or the network refused us. */
    record Unreachable(String why) implements SoaAnswer {}
}
