package net.nsglobal.control.signup;

import java.util.List;
import java.util.Map;

/** What a sign-up/change/removal request led to; the web and API layers turn it into a page or a status code. */
public sealed interface Outcome {
    /** Syntax or policy errors per field (HTTP 400). Nothing was looked up, stored or mailed. */
    record Invalid(Map<String, String> errors) implements Outcome {}
    /** The request was well-formed but DNS says no (HTTP 422), with a message per field. Nothing stored or mailed. */
    record Unverifiable(Map<String, String> errors) implements Outcome {}
    /** Too many requests (HTTP 429). */
    record Limited(String message) implements Outcome {}
    /** The mail could not be handed to the relay (HTTP 503); nothing stays stored. */
    record MailFailed(String message) implements Outcome {}
    /**
     * Stored, waiting for the TXT record {@code recordName} = {@code recordValue} (HTTP 202). Nothing was mailed; the
     * link is given to the requester, since it only works once the record is published in the zone.
     */
    record Challenge(String domain, String recordName, String recordValue, String confirmUrl, String soaNote,
                     List<String> allowOnPrimary) implements Outcome {}
    /** The confirmation mail went out (HTTP 202). */
    record Sent(String domain, String maskedMailbox, List<String> allowOnPrimary) implements Outcome {}
}
