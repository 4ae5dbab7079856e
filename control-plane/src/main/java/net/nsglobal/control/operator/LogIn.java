package net.nsglobal.control.operator;

import net.nsglobal.control.store.Operator;

/** What a log-in attempt came to. Only {@link LoggedIn} opens a session. */
public sealed interface LogIn {
    /** @param sessionId the new session's secret, for the cookie; only its hash is stored */
    record LoggedIn(Operator operator, String sessionId) implements LogIn {}

    /** Unknown name or wrong password (the page does not say which). */
    record Refused(String message) implements LogIn {}

    /** The right password for a disabled operator. */
    record Disabled(String message) implements LogIn {}

    /** Too many failed attempts from this client network or for this name; nothing was checked. */
    record Limited(String message) implements LogIn {}
}
