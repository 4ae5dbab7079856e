package net.nsglobal.dashboard.it;

import net.nsglobal.testkit.Http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.control.signup.Tokens;
import net.nsglobal.control.store.Confirmation;
import net.nsglobal.control.store.PendingRequest.Kind;
import net.nsglobal.control.store.Repository;
import net.nsglobal.control.store.SignupGuard;
import net.nsglobal.testkit.Knot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-ups pending at the same time are judged again when confirmed: each passed the nesting check and the zone caps
 * when it was requested, while none of the others was served yet. Real Knot (public view and victim.test's own name
 * server), GreenMail and PostgreSQL; zone caps of 2 per registrable domain and 1 per mailbox.
 */
@Timeout(180)
class ConfirmRecheckTest {
    static final String PARENT = "victim.test";
    static final String CHILD = "y.victim.test";

    @TempDir static Path dir;
    static Knot parentServer;
    static Harness h;

    @BeforeAll
    static void start() throws Exception {
        parentServer = Primaries.knot(dir.resolve("parent"),
                Map.of(PARENT, NestedZonesTest.parentZone(1, "x", "z")), List.of(PARENT));
        Map<String, String> zones = new LinkedHashMap<>();
        zones.put(PARENT, NestedZonesTest.parentZone(1, "x", "z"));
        zones.put(CHILD, Harness.zone(CHILD, "evil." + CHILD + ".", 1));
        for (String z : List.of("a", "b", "c")) {
            zones.put(z + ".capped.test", Harness.zone(z + ".capped.test", "hostmaster." + z + ".capped.test.", 1));
        }
        h = new Harness(dir.resolve("h"), "{max-zones-per-domain: 2, max-zones-per-rname: 1}", zones, Map.of(), null,
                "{dns-port: " + parentServer.address().getPort() + "}");
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) h.close();
        if (parentServer != null) parentServer.close();
    }

    /** Signs {@code domain} up through the form and returns the confirmation path mailed to {@code to}. */
    private static String pending(Http web, String domain, String primary, String to) throws Exception {
        int before = Mailboxes.to(h.mail, to).size();
        HttpResponse<String> r = web.post("/signup", Map.of("csrf", web.csrf("/"), "domain", domain, "primary", primary));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Harness.confirmPath(Harness.body(h.awaitMailTo(to, before + 1)));
    }

    private static HttpResponse<String> press(Http web, String path) throws Exception {
        return web.post(path, Map.of("csrf", web.csrf("/")));
    }

    /**
     * Before: the nesting check ran only at the request, when neither zone was served, so a child the parent does
     * not delegate was confirmed next to its parent and our edges answered for it.
     */
    @Test
    void aChildConfirmedAfterItsParentNeedsTheParentsDelegation() throws Exception {
        Http web = new Http(h.url());
        String parent = pending(web, PARENT, parentServer.hostPort(), "hostmaster@" + PARENT);
        String child = pending(web, CHILD, h.knot.hostPort(), "evil@" + CHILD);
        assertThat(press(web, parent).statusCode()).isEqualTo(303);

        HttpResponse<String> open = web.get(child);
        assertThat(open.statusCode()).as("opening the link says so up front").isEqualTo(409);
        assertThat(open.body()).contains(CHILD + " is inside " + PARENT + ", which NS-Global serves, and " + PARENT
                + " does not delegate " + CHILD).doesNotContain("action=\"/confirm/");
        HttpResponse<String> refused = press(web, child);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Nothing was changed").contains("does not delegate " + CHILD)
                .contains("This link stays valid");
        assertThat(h.plane.repository().zone(CHILD)).isEmpty();
        assertThat(h.catalogMembers()).contains(PARENT).doesNotContain(CHILD);

        // The owner of victim.test delegates y: the same link now works.
        parentServer.setZone(PARENT, NestedZonesTest.parentZone(2, "x", "y", "z"));
        assertThat(press(web, child).statusCode()).isEqualTo(303);
        assertThat(h.catalogMembers()).contains(PARENT, CHILD);
    }

    /** Before: the caps were counted only at the request, so every sign-up pending at once could be confirmed. */
    @Test
    void zoneCapsHoldAgainstSignUpsPendingAtOnce() throws Exception {
        Http web = new Http(h.url());
        List<String> links = new java.util.ArrayList<>();
        for (String z : List.of("a", "b", "c")) {
            links.add(pending(web, z + ".capped.test", h.knot.hostPort(), "hostmaster@" + z + ".capped.test"));
        }
        assertThat(press(web, links.get(0)).statusCode()).isEqualTo(303);
        assertThat(press(web, links.get(1)).statusCode()).isEqualTo(303);
        HttpResponse<String> third = press(web, links.get(2));
        assertThat(third.statusCode()).isEqualTo(409);
        assertThat(third.body()).contains("Nothing was changed").contains("2 zones under capped.test");
        assertThat(h.plane.repository().zone("c.capped.test")).isEmpty();
        assertThat(web.get(links.get(2)).statusCode()).as("the link stays, refused up front").isEqualTo(409);

        // One mailbox (owner@change-shop.test) for two zones, cap 1.
        String change = pending(web, Harness.CHANGE, h.knot.hostPort(), "owner@" + Harness.CHANGE);
        String twin = pending(web, Harness.TWIN, h.knot.hostPort(), "owner@" + Harness.CHANGE);
        assertThat(press(web, change).statusCode()).isEqualTo(303);
        HttpResponse<String> second = press(web, twin);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("the most one mailbox may have");
        assertThat(h.plane.repository().zone(Harness.TWIN)).isEmpty();
        assertThat(h.catalogMembers()).contains("a.capped.test", "b.capped.test", Harness.CHANGE)
                .doesNotContain("c.capped.test", Harness.TWIN);
    }

    /**
     * The checks hold inside the confirmation transaction: a guard that checked other served neighbours than there
     * are now (another confirmation won the race) or a cap reached meanwhile leaves the token unused and the zone out.
     */
    @Test
    void theConfirmationTransactionEnforcesTheGuard() {
        Repository repo = h.plane.repository();
        Instant exp = Instant.now().plusSeconds(3600);
        byte[] token = Tokens.hash(Tokens.newToken());
        repo.insertPending(Kind.SIGNUP, "w.guard.test", List.of("127.0.0.1:5301"), null, null, null,
                "o@guard.test", token, exp);
        byte[] parentToken = Tokens.hash(Tokens.newToken());
        repo.insertPending(Kind.SIGNUP, "guard.test", List.of("127.0.0.1:5301"), null, null, null, "p@guard.test",
                parentToken, exp);
        SignupGuard roomy = new SignupGuard("guard.test", 10, "domain cap", "o@guard.test", 10, "mailbox cap", List.of());
        assertThat(repo.confirm(parentToken, "zguard1", new SignupGuard("guard.test", 10, "domain cap",
                "p@guard.test", 10, "mailbox cap", List.of()))).isInstanceOf(Confirmation.Applied.class);

        assertThat(repo.confirm(token, "zguard2", roomy)).as("guard.test was confirmed after the check")
                .isInstanceOf(Confirmation.NestingChanged.class);
        SignupGuard full = new SignupGuard("guard.test", 1, "domain cap", "o@guard.test", 10, "mailbox cap",
                List.of("guard.test"));
        assertThat(repo.confirm(token, "zguard2", full)).isInstanceOfSatisfying(Confirmation.ZoneCapReached.class,
                c -> assertThat(c.why()).isEqualTo("domain cap"));
        assertThat(repo.zone("w.guard.test")).isEmpty();
        assertThat(repo.pendingByToken(token)).as("the token is not used up").isPresent();
        assertThat(repo.confirm(token, "zguard2", new SignupGuard("guard.test", 2, "domain cap", "o@guard.test", 10,
                "mailbox cap", List.of("guard.test")))).isInstanceOf(Confirmation.Applied.class);
    }
}
