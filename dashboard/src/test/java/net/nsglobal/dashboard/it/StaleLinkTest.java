package net.nsglobal.dashboard.it;

import net.nsglobal.testkit.Http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.nsglobal.control.signup.Tokens;
import net.nsglobal.control.store.Confirmation;
import net.nsglobal.control.store.PendingRequest.Kind;
import net.nsglobal.control.store.Repository;
import net.nsglobal.testkit.Knot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An old link cannot overwrite a live zone: the attacker's look-alike request dies when the owner confirms their own,
 * a sign-up never overwrites a served zone, the confirm page shows what a change replaces, and a link dies when the
 * SOA contact it was mailed to is no longer the contact. A second Knot is the attacker's primary.
 */
@Timeout(180)
class StaleLinkTest {
    static final String PRIZE = "prize.test";
    static final String MOVED = "moved.test";

    @TempDir static Path dir;
    static Knot attacker;
    static Harness h;

    @BeforeAll
    static void start() throws Exception {
        attacker = Primaries.knot(dir.resolve("attacker"), Map.of(PRIZE, Harness.zone(PRIZE, "owner." + PRIZE + ".", 3),
                MOVED, Harness.zone(MOVED, "owner." + MOVED + ".", 3)), List.of(PRIZE, MOVED));
        h = new Harness(dir.resolve("h"), "{}", Map.of(
                PRIZE, Harness.zone(PRIZE, "owner." + PRIZE + ".", 3),
                MOVED, Harness.zone(MOVED, "owner." + MOVED + ".", 3)), Map.of(), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) h.close();
        if (attacker != null) attacker.close();
    }

    private static String request(Http web, String form, String domain, String primary, String to, int nthToThem)
            throws Exception {
        String page = form.equals("/signup") ? "/" : "/manage";
        HttpResponse<String> r = web.post(form, Map.of("csrf", web.csrf(page), "domain", domain, "primary", primary));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Harness.confirmPath(Harness.body(h.awaitMailTo(to, nthToThem)));
    }

    private static List<String> primaries(String domain) {
        return h.plane.repository().zone(domain).orElseThrow().primaries();
    }

    @Test
    void confirmingCancelsTheOlderLookAlikeAndAChangeShowsWhatItReplaces() throws Exception {
        Http web = new Http(h.url());
        String owner = "owner@" + PRIZE;
        // The attacker asks first, with their own primary; the owner gets a mail that looks like their own.
        String old = request(web, "/signup", PRIZE, attacker.hostPort(), owner, 1);
        String mine = request(web, "/signup", PRIZE, h.knot.hostPort(), owner, 2);
        assertThat(web.post(mine, Map.of("csrf", web.csrf(mine))).statusCode()).isEqualTo(303);

        // Later the owner clicks the older mail: the link is dead and the primaries stay the owner's.
        assertThat(web.get(old).statusCode()).isEqualTo(404);
        assertThat(web.post(old, Map.of("csrf", web.csrf("/"))).statusCode()).isEqualTo(404);
        assertThat(primaries(PRIZE)).containsExactly(h.knot.hostPort());

        // A change: the confirm page puts the current and the new primaries side by side.
        String change = request(web, "/manage/change", PRIZE, attacker.hostPort(), owner, 3);
        HttpResponse<String> page = web.get(change);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<th scope=\"col\">Now</th>").contains("After you confirm")
                .containsPattern("<td>" + h.knot.hostPort() + "</td>\\s*<td>" + attacker.hostPort() + "</td>");
    }

    @Test
    void aLinkDiesWhenTheSoaContactChanged() throws Exception {
        Http web = new Http(h.url());
        String path = request(web, "/signup", MOVED, h.knot.hostPort(), "owner@" + MOVED, 1);
        // The zone changes hands: the new owner's contact is in the SOA now.
        h.knot.setZone(MOVED, Harness.zone(MOVED, "newowner." + MOVED + ".", 4));

        HttpResponse<String> open = web.get(path);
        assertThat(open.statusCode()).isEqualTo(410);
        assertThat(open.body()).contains("no longer the address this link was mailed to");
        assertThat(web.post(path, Map.of("csrf", web.csrf("/"))).statusCode()).isEqualTo(404);
        assertThat(h.plane.repository().zone(MOVED)).isEmpty();
    }

    @Test
    void aSignUpNeverOverwritesAServedZone() {
        // Two sign-ups that slipped past the request-time check (a race), the second with other primaries.
        Repository repo = h.plane.repository();
        String d = "race.test";
        Instant exp = Instant.now().plusSeconds(3600);
        byte[] first = Tokens.hash(Tokens.newToken());
        byte[] second = Tokens.hash(Tokens.newToken());
        repo.insertPending(Kind.SIGNUP, d, List.of("127.0.0.1:5301"), null, null, null, "o@race.test", first, exp);
        long other = repo.insertPending(Kind.SIGNUP, d, List.of("127.0.0.1:5302"), null, null, null, "o@race.test",
                second, exp);
        assertThat(repo.confirm(first, "zrace1")).isInstanceOf(Confirmation.Applied.class);
        assertThat(repo.confirm(second, "zrace2")).as("cancelled by the first").isInstanceOf(Confirmation.NotFound.class);
        h.plane.jdbi().useHandle(x -> x.createUpdate("update pending_request set expires_at = now() + interval '1 hour' "
                + "where id = :id").bind("id", other).execute());
        assertThat(repo.confirm(second, "zrace2")).isInstanceOf(Confirmation.ZoneExists.class);
        assertThat(repo.zone(d).orElseThrow().primaries()).containsExactly("127.0.0.1:5301");
    }
}
