package net.nsglobal.control.probe;

/** Whether a zone's parent really delegates to it, as the parent zone's own servers say. A value, never an exception. */
public sealed interface Delegation {
    /** A server of {@code parent} answered with NS records for the child (a referral, or its own answer for it). */
    record Delegated(String parent) implements Delegation {}
    /**
     * A server of {@code parent} answered authoritatively for the child's name without any NS record for it: there is
     * no zone cut (RFC 1034 §4.2.1), so resolvers never ask the child's name servers. {@code detail} says what it said.
     */
    record NotDelegated(String parent, String detail) implements Delegation {}
    /** No conclusive answer: parent not found, servers unreachable, refusing, or lame. */
    record Unknown(String why) implements Delegation {}
}
