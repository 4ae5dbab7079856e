package net.nsglobal.dashboard.it;

import net.nsglobal.testkit.Http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.nsglobal.testkit.Knot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ownership proof against a liar: the primary given at sign-up is a second Knot that answers another SOA (the
 * attacker's RNAME, serial and MNAME) than the public one (the harness Knot, our "resolver"). And the TXT-record
 * proof for owners whose RNAME is no mailbox, checked through the public view.
 */
@Timeout(180)
class LyingPrimaryTest {
    static final String HONEST = "honest.test";
    static final String NOMAIL = "nomail.test";

    @TempDir static Path dir;
    static Knot liar;
    static Harness h;

    static String nomailZone(long serial, String txt) {
        return "$ORIGIN " + NOMAIL + ".\n$TTL 300\n@ SOA ns1." + NOMAIL + ". nobody. " + serial + " 3600 600 86400 300\n"
                + "@ NS ns1.nsglobal.test.\n" + (txt == null ? "" : "_nsglobal-challenge TXT \"" + txt + "\"\n");
    }

    @BeforeAll
    static void start() throws Exception {
        liar = Primaries.knot(dir.resolve("liar"), Map.of(HONEST, "$ORIGIN " + HONEST + ".\n$TTL 300\n"
                + "@ SOA ns1.evil.test. attacker.evil.test. 99 3600 600 86400 300\n@ NS ns1.nsglobal.test.\n"),
                List.of(HONEST));
        h = new Harness(dir.resolve("h"), "{}", Map.of(
                HONEST, Harness.zone(HONEST, "owner." + HONEST + ".", 10), NOMAIL, nomailZone(1, null)), Map.of(), null,
                "{txt-proof: true}");
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) h.close();
        if (liar != null) liar.close();
    }

    @Test
    void theMailGoesToThePublicRnameAndSaysThePrimaryDisagrees() throws Exception {
        Http web = new Http(h.url());
        HttpResponse<String> r = web.post("/signup", Map.of("csrf", web.csrf("/"), "domain", HONEST,
                "primary", liar.hostPort()));
        assertThat(r.statusCode()).isEqualTo(200);
        MimeMessage m = h.awaitMailTo("owner@" + HONEST, 1);
        assertThat(Arrays.stream(h.mail.getReceivedMessages()).flatMap(x -> {
            try {
                return Arrays.stream(x.getAllRecipients()).map(Object::toString);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).doesNotContain("attacker@evil.test");
        String body = (String) m.getContent(); // decoded (the masked contact makes it quoted-printable)
        assertThat(body).contains("WARNING: The SOA on the primaries you gave differs from the public SOA")
                .contains("serial 99 (public: 10)").contains("MNAME ns1.evil.test. (public: ns1." + HONEST + ".)");
        String page = web.get(Harness.confirmPath(body)).body();
        assertThat(page).contains("SOA differs from the public one</h2>").contains("serial 99 (public: 10)");
    }

    @Test
    void aTxtRecordUnderTheZoneProvesItWhenTheRnameIsNoMailbox() throws Exception {
        Http web = new Http(h.url());
        int mails = h.mail.getReceivedMessages().length;
        // By mail it cannot work: "nobody." is not a mailbox.
        HttpResponse<String> byMail = web.postJson("/api/v1/signups",
                "{\"domain\":\"" + NOMAIL + "\",\"primaries\":[\"" + h.knot.hostPort() + "\"]}");
        assertThat(byMail.statusCode()).isEqualTo(422);

        HttpResponse<String> r = web.postJson("/api/v1/signups",
                "{\"domain\":\"" + NOMAIL + "\",\"primaries\":[\"" + h.knot.hostPort() + "\"],\"proof\":\"txt\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode j = new ObjectMapper().readTree(r.body());
        assertThat(j.path("txt").path("name").asText()).isEqualTo("_nsglobal-challenge." + NOMAIL);
        String value = j.path("txt").path("value").asText();
        String path = j.path("confirmUrl").asText().substring(h.url().length());
        assertThat(h.mail.getReceivedMessages()).hasSize(mails);

        assertThat(web.get(path).body()).contains("_nsglobal-challenge." + NOMAIL + ". 300 IN TXT \"" + value);
        // Not published yet (then a wrong value): nothing happens, the link stays.
        assertThat(web.post(path, Map.of("csrf", web.csrf(path))).statusCode()).isEqualTo(409);
        h.knot.setZone(NOMAIL, nomailZone(2, "not-the-value"));
        assertThat(web.post(path, Map.of("csrf", web.csrf(path))).statusCode()).isEqualTo(409);
        assertThat(h.plane.repository().zone(NOMAIL)).isEmpty();

        h.knot.setZone(NOMAIL, nomailZone(3, value));
        HttpResponse<String> done = web.post(path, Map.of("csrf", web.csrf(path)));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(h.catalogMembers()).contains(NOMAIL);
    }
}
