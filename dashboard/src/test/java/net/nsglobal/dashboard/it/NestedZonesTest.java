package net.nsglobal.dashboard.it;

import net.nsglobal.testkit.Http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.nsglobal.testkit.Knot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zone inside or above another customer's, against real servers: the harness Knot is the public view (the
 * "resolver": it holds victim.test and the children x, y and z), a second Knot is victim.test's own name server and
 * its owner's primary, where the delegations really live. x.victim.test is signed up by an attacker while victim.test
 * delegates it, then the owner removes the delegation.
 */
@Timeout(180)
class NestedZonesTest {
    static final String PARENT = "victim.test";
    static final String STALE = "x.victim.test";
    static final String BELOW = "y.victim.test";
    static final String DELEGATED = "z.victim.test";

    @TempDir static Path dir;
    static Knot parentServer;
    static Harness h;

    /** victim.test as its own name server has it; {@code children} are delegated (NS records at the cut). */
    static String parentZone(long serial, String... children) {
        StringBuilder z = new StringBuilder("$ORIGIN " + PARENT + ".\n$TTL 300\n"
                + "@ SOA ns1." + PARENT + ". hostmaster." + PARENT + ". " + serial + " 3600 600 86400 300\n"
                + "@ NS ns1." + PARENT + ".\nns1 A 127.0.0.1\nwww A 198.51.100.80\n");
        for (String c : children) z.append(c).append(" NS ns1.nsglobal.test.\n");
        return z.toString();
    }

    @BeforeAll
    static void start() throws Exception {
        parentServer = Primaries.knot(dir.resolve("parent"), Map.of(PARENT, parentZone(1, "x", "z")), List.of(PARENT));
        h = new Harness(dir.resolve("h"), "{}", Map.of(
                PARENT, parentZone(1, "x", "z"),
                STALE, Harness.zone(STALE, "attacker." + STALE + ".", 1),
                BELOW, Harness.zone(BELOW, "evil." + BELOW + ".", 1),
                DELEGATED, Harness.zone(DELEGATED, "owner." + DELEGATED + ".", 1)), Map.of(), null,
                // victim.test's NS host is 127.0.0.1: ask it on the parent server's port
                "{dns-port: " + parentServer.address().getPort() + "}");
    }

    @AfterAll
    static void stop() throws Exception {
        if (h != null) h.close();
        if (parentServer != null) parentServer.close();
    }

    private static HttpResponse<String> signUp(Http web, String domain, String primary) throws Exception {
        return web.post("/signup", Map.of("csrf", web.csrf("/"), "domain", domain, "primary", primary));
    }

    private static void confirm(Http web, String to, int nthToThem, int expectedStatus) throws Exception {
        String path = Harness.confirmPath(Harness.body(h.awaitMailTo(to, nthToThem)));
        assertThat(web.post(path, Map.of("csrf", web.csrf(path))).statusCode()).isEqualTo(expectedStatus);
    }

    @Test
    void aStaleChildBlocksItsParentIsFlaggedAndItsParentsOwnerRemovesIt() throws Exception {
        Http web = new Http(h.url());
        // While victim.test delegates x, the attacker signs x up (a legitimate sign-up at that time).
        assertThat(signUp(web, STALE, h.knot.hostPort()).statusCode()).isEqualTo(200);
        confirm(web, "attacker@" + STALE, 1, 303);
        h.plane.delegations().runOnce();
        assertThat(web.get("/zones/" + STALE).body()).doesNotContain("Not delegated by its parent");
        assertThat(web.get("/api/v1/zones/" + STALE).body()).contains("\"delegatedByParent\":true")
                .contains("\"parentCheck\":{\"parent\":\"" + PARENT + "\"");

        // The owner of victim.test removes the delegation of x.
        parentServer.setZone(PARENT, parentZone(2, "z"));

        // Signing up victim.test is refused while our edges would answer x.victim.test from the stale zone.
        int mails = h.mail.getReceivedMessages().length;
        HttpResponse<String> parent = signUp(web, PARENT, parentServer.hostPort());
        assertThat(parent.statusCode()).isEqualTo(422);
        assertThat(parent.body()).contains(STALE + ", inside " + PARENT + ", is served by NS-Global for someone else")
                .contains("no longer delegates it").contains("I own the parent zone");
        assertThat(h.mail.getReceivedMessages()).hasSize(mails);

        // The periodic check flags it: on its status page and in the operators' list.
        h.plane.delegations().runOnce();
        assertThat(web.get("/zones/" + STALE).body()).contains("Not delegated by its parent")
                .contains(PARENT + " no longer delegates");
        // The API carries the same flag as the status page.
        assertThat(web.get("/api/v1/zones/" + STALE).body()).contains("\"delegatedByParent\":false")
                .contains("\"parentCheck\":{\"parent\":\"" + PARENT + "\"");
        String token = h.operatorToken("nested-ops", "nested-ops-password");
        HttpResponse<String> ops = web.getBearer("/api/v1/ops/undelegated", token);
        assertThat(ops.statusCode()).isEqualTo(200);
        assertThat(ops.body()).contains("\"domain\":\"" + STALE + "\"").contains("\"parent\":\"" + PARENT + "\"");
        // The operators' home page lists it too.
        Http operator = new Http(h.url());
        assertThat(operator.logIn("nested-ops", "nested-ops-password").statusCode()).isEqualTo(303);
        assertThat(operator.get("/ops").body()).contains("<a href=\"/zones/" + STALE + "\">" + STALE + "</a>")
                .contains("<td>" + PARENT + "</td>");

        // The parent's owner asks for its removal: the link goes to victim.test's RNAME, not to the stale zone's.
        HttpResponse<String> rm = web.post("/manage/remove", Map.of("csrf", web.csrf("/manage"), "domain", STALE,
                "asParent", "1"));
        assertThat(rm.statusCode()).isEqualTo(200);
        String body = Harness.body(h.awaitMailTo("hostmaster@" + PARENT, 1));
        assertThat(body).contains("Someone who says they own " + PARENT + " asked NS-Global to stop serving " + STALE);
        assertThat(h.mail.getReceivedMessages()).hasSize(mails + 1);
        confirm(web, "hostmaster@" + PARENT, 1, 200);
        assertThat(h.catalogMembers()).doesNotContain(STALE);
        assertThat(new Http(h.url()).getBearer("/api/v1/ops/undelegated", token).body()).contains("\"zones\":[]")
                .doesNotContain(STALE);

        // Now victim.test can be signed up.
        assertThat(signUp(web, PARENT, parentServer.hostPort()).statusCode()).isEqualTo(200);
        confirm(web, "hostmaster@" + PARENT, 2, 303);

        // Below a served zone: the public view has y.victim.test, but victim.test's own primary does not delegate it.
        HttpResponse<String> below = signUp(web, BELOW, h.knot.hostPort());
        assertThat(below.statusCode()).isEqualTo(422);
        assertThat(below.body()).contains(BELOW + " is inside " + PARENT + ", which NS-Global serves, and "
                + PARENT + " does not delegate " + BELOW);
        // ... while a child the parent really delegates is welcome.
        assertThat(signUp(web, DELEGATED, h.knot.hostPort()).statusCode()).isEqualTo(200);
        assertThat(h.mail.getReceivedMessages()).hasSize(mails + 3);
    }
}
