package net.nsglobal.dashboard.it;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.nsglobal.testkit.Wait;

/** Mail as one recipient sees it, in a {@link GreenMail} server that receives mail for everyone. */
final class Mailboxes {
    private Mailboxes() {}

    /** The mails to {@code to} received so far, in arrival order. */
    static List<MimeMessage> to(GreenMail mail, String to) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(to)) out.add(m);
        }
        return out;
    }

    /**
     * The {@code n}-th mail to {@code to} (from 1, in arrival order), waiting up to {@code wait} for it. Counting mail
     * in total instead would let a mail to someone else end the wait, and hand back an older mail to {@code to}.
     */
    static MimeMessage await(GreenMail mail, String to, int n, Duration wait) throws Exception {
        if (!Wait.holds(wait, () -> to(mail, to).size() >= n)) {
            throw new AssertionError("mail " + n + " to " + to + " did not arrive within " + wait + ": "
                    + to(mail, to).size() + " to it, " + mail.getReceivedMessages().length + " in all");
        }
        return to(mail, to).get(n - 1);
    }
}
