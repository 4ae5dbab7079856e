package net.nsglobal.dns.interop;

import org.xbill.DNS.Message;

/**
 * One way a candidate's reply differs from the reference reply to the same query.
 *
 * @param kind   what differs: no-reply, rcode, flags, opt, answer, authority, additional
 * @param detail the differing values, or the RRs only one side has
 */
record Difference(TestQuery query, String kind, String detail, Message reference, Message candidate) { }
