package net.nsglobal.control.mail;

/** Sends one plain-text mail; returns normally only when the relay accepted it. */
public interface Mailer {
    void send(String to, String subject, String body) throws MailFailure;

    final class MailFailure extends Exception {
        public MailFailure(String message, Throwable cause) { super(message, cause); }
    }
}
