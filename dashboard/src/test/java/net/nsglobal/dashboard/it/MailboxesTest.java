package net.nsglobal.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Waiting for mail counts the recipient's mail, not everyone's: what {@link Harness#awaitMailTo} relies on. */
@Timeout(30)
class MailboxesTest {
    private GreenMail mail;

    @BeforeEach
    void start() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    private void send(String to, String subject) {
        GreenMailUtil.sendTextEmail(to, "dashboard@nsglobal.test", subject, "body", mail.getSmtp().getServerSetup());
    }

    @Test
    void mailToSomeoneElseNeitherEndsTheWaitNorStandsInForTheOneAwaited() throws Exception {
        send("a@shop.test", "first to a");
        send("b@shop.test", "to b");            // two mails in all: the second to a has not come yet
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            send("a@shop.test", "second to a");
        });
        later.start();
        assertThat(Mailboxes.await(mail, "a@shop.test", 2, Duration.ofSeconds(10)).getSubject())
                .isEqualTo("second to a");
        later.join();
        assertThat(Mailboxes.await(mail, "a@shop.test", 1, Duration.ofSeconds(10)).getSubject())
                .isEqualTo("first to a");
    }

    @Test
    void aMailThatNeverComesFailsNamingTheRecipient() {
        send("a@shop.test", "to a");
        assertThatThrownBy(() -> Mailboxes.await(mail, "b@shop.test", 1, Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("b@shop.test").hasMessageContaining("1 in all");
    }
}
