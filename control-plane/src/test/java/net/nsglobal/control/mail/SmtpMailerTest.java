package net.nsglobal.control.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import net.nsglobal.control.config.SmtpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Angus Mail against GreenMail as a real SMTP server, with and without AUTH. */
class SmtpMailerTest {
    GreenMail mail;

    @BeforeEach
    void start() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", "s3cret"));
        mail.start();
    }

    @AfterEach
    void stop() { mail.stop(); }

    private SmtpSettings settings(String user, String password) {
        return new SmtpSettings("127.0.0.1", mail.getSmtp().getPort(), SmtpSettings.Security.NONE, user, password,
                "NS-Global <no-reply@nsglobal.test>");
    }

    @Test
    void sendsPlainTextUtf8WithAuth() throws Exception {
        new SmtpMailer(settings("relay", "s3cret")).send("hostmaster@café.test".replace("café", "xn--caf-dma"),
                "Confirm secondary DNS for café.test", "Bonjour — lien: http://x/confirm/abc\n");
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage m = mail.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("Confirm secondary DNS for café.test");
        assertThat(m.getFrom()[0].toString()).contains("no-reply@nsglobal.test");
        assertThat(m.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(GreenMailUtil.getBody(m)).contains("confirm/abc");
    }

    @Test
    void aRefusedLoginIsAMailFailure() {
        assertThatThrownBy(() -> new SmtpMailer(settings("relay", "wrong")).send("a@example.com", "s", "b"))
                .isInstanceOf(Mailer.MailFailure.class).hasMessageContaining("127.0.0.1");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void startTlsIsRequiredWhenConfigured() {
        // GreenMail's plain SMTP port offers no STARTTLS: a STARTTLS setting must refuse to send in clear text.
        SmtpSettings s = new SmtpSettings("127.0.0.1", mail.getSmtp().getPort(), SmtpSettings.Security.STARTTLS,
                "relay", "s3cret", null);
        assertThatThrownBy(() -> new SmtpMailer(s).send("a@example.com", "s", "b")).isInstanceOf(Mailer.MailFailure.class);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }
}
