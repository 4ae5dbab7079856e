package net.nsglobal.te.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** BIRD's control-socket reply framing: numbered lines, '-' continues, ' ' ends, a leading space inherits the code. */
class BirdReplyTest {
    private static BirdReply read(String... raw) {
        BirdReply.Assembler a = new BirdReply.Assembler();
        for (int i = 0; i < raw.length; i++) {
            boolean done = a.accept(raw[i]);
            assertThat(done).as("line %d '%s' ends the reply", i, raw[i]).isEqualTo(i == raw.length - 1);
        }
        return a.reply();
    }

    @Test
    void aTableReplyEndsAtTheLineWithASpaceAfterItsCode() {
        BirdReply r = read("2002-Name       Proto      Table      State  Since         Info",
                "1002-device1    Device     ---        up     2026-12-07 05:02:25.215  ",
                " s4         Static     master4    up     2026-12-07 05:02:25.215  ",
                "0000 ");
        assertThat(r.ok()).isTrue();
        assertThat(r.code()).isZero();
        assertThat(r.lines()).extracting(BirdReply.Line::code).containsExactly(2002, 1002, 1002, 0);
        assertThat(r.text()).contains("s4         Static");
    }

    @Test
    void aConfigurationErrorIsAReplyWithBirdsMessage() {
        BirdReply r = read("0002-Reading configuration from /tmp/x.conf", "8002 /tmp/x.conf:3:50 syntax error, unexpected CF_SYM_UNDEFINED");
        assertThat(r.ok()).isFalse();
        assertThat(r.code()).isEqualTo(8002);
        assertThat(r.message()).isEqualTo("/tmp/x.conf:3:50 syntax error, unexpected CF_SYM_UNDEFINED");
    }

    @Test
    void configureWithTimeoutSaysUndoIsScheduled() {
        BirdReply r = read("0002-Reading configuration from /tmp/x.conf", "0022-Undo scheduled in 5 s", "0003 Reconfigured");
        assertThat(r.ok()).isTrue();
        assertThat(r.has(22)).isTrue();
        assertThat(r.has(18)).isFalse();
    }

    @Test
    void aRouteReplyYieldsPathsAndCommunities() {
        BirdReply r = new BirdReply(0, List.of(
                new BirdReply.Line(1007, "Table master4:"),
                new BirdReply.Line(1007, "198.51.100.0/24      unicast [site 05:08:13.846] * (100) [AS64500i]"),
                new BirdReply.Line(1008, "\tvia 10.255.1.1 on u1a2b3c1"),
                new BirdReply.Line(1012, "\tBGP.as_path: 64500 64500"),
                new BirdReply.Line(1012, "\tBGP.community: (64500,100) (64500,7)"),
                new BirdReply.Line(1012, "\tBGP.large_community: (64500, 1, 2)"),
                new BirdReply.Line(0, "")));
        assertThat(RouteHealth.routes(r)).containsExactly(
                new RouteHealth.Route("64500 64500", List.of("(64500,100)", "(64500,7)", "(64500,1,2)")));
    }
}
