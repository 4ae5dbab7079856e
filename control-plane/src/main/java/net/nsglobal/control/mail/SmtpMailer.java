package net.nsglobal.control.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import net.nsglobal.control.config.SmtpSettings;

/** SMTP through Angus Mail: plain, STARTTLS (required, not opportunistic) or implicit TLS, with optional AUTH. */
public final class SmtpMailer implements Mailer {
    private final SmtpSettings settings;
    private final Session session;

    public SmtpMailer(SmtpSettings s) {
        this.settings = s;
        String proto = s.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", s.host());
        p.put("mail." + proto + ".port", Integer.toString(s.port()));
        p.put("mail." + proto + ".connectiontimeout", "10000");
        p.put("mail." + proto + ".timeout", "10000");
        p.put("mail." + proto + ".writetimeout", "10000");
        p.put("mail." + proto + ".auth", Boolean.toString(s.authenticated()));
        if (s.security() == SmtpSettings.Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true"); // never fall back to plain text after a stripped STARTTLS
        }
        if (s.security() != SmtpSettings.Security.NONE) {
            p.put("mail." + proto + ".ssl.checkserveridentity", "true");
        }
        Authenticator auth = s.authenticated() ? new Authenticator() {
            @Override protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(s.user(), s.password());
            }
        } : null;
        this.session = Session.getInstance(p, auth);
    }

    @Override
    public void send(String to, String subject, String body) throws MailFailure {
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(settings.from()));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            m.setSubject(subject, StandardCharsets.UTF_8.name());
            m.setText(body, StandardCharsets.UTF_8.name());
            m.setSentDate(new Date());
            Transport.send(m);
        } catch (MessagingException e) {
            throw new MailFailure("mail to " + to + " via " + settings.host() + ":" + settings.port() + " failed: "
                    + e.getMessage(), e);
        }
    }
}
