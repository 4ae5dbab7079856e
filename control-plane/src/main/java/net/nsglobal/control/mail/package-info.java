/**
 * Sending one plain-text mail, the only way a confirmation link leaves: {@link net.nsglobal.control.mail.Mailer} returns
 * normally only once the relay accepted the mail; {@link net.nsglobal.control.mail.SmtpMailer} speaks SMTP through
 * Angus Mail, plain, with required STARTTLS (RFC 3207) or implicit TLS (RFC 8314), with optional AUTH.
 *
 * <p>Uses {@code config} (the SMTP settings). Used by {@code signup} and the control plane.
 */
package net.nsglobal.control.mail;
