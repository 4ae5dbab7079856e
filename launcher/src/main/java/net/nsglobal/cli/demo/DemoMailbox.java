package net.nsglobal.cli.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.nsglobal.dashboard.web.DemoMail;

/**
 * The demo's embedded mail server (GreenMail, SMTP + IMAP on loopback). Each demo zone's RNAME mailbox gets an IMAP
 * login ({@code local part} / {@code demo}); the dashboard's demo-only page lists every received message.
 */
public final class DemoMailbox implements AutoCloseable {
    public static final String PASSWORD = "demo";
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private final GreenMail mail;

    public DemoMailbox(int smtpPort, int imapPort, List<String> mailboxes) {
        mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        for (String m : mailboxes) mail.setUser(m, m.substring(0, m.indexOf('@')), PASSWORD);
    }

    public int smtpPort() { return mail.getSmtp().getPort(); }

    public int imapPort() { return mail.getImap().getPort(); }

    /** Newest first. */
    public List<DemoMail> messages() {
        List<DemoMail> out = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            try {
                String body = GreenMailUtil.getBody(m).replace("\r\n", "\n");
                body = body.replace("=\n", "").replace("=3D", "="); // quoted-printable soft breaks, for display
                List<String> links = new ArrayList<>();
                Matcher lm = LINK.matcher(body);
                while (lm.find()) links.add(lm.group());
                Instant when = m.getReceivedDate() != null ? m.getReceivedDate().toInstant()
                        : m.getSentDate() != null ? m.getSentDate().toInstant() : Instant.EPOCH;
                out.add(new DemoMail(Arrays.toString(m.getAllRecipients()).replaceAll("[\\[\\]]", ""), m.getSubject(),
                        body, when, links));
            } catch (MessagingException e) {
                out.add(new DemoMail("?", "(unreadable message: " + e.getMessage() + ")", "", Instant.EPOCH, List.of()));
            }
        }
        out.sort(Comparator.comparing(DemoMail::received).reversed());
        return out;
    }

    @Override
    public void close() { mail.stop(); }
}
