package net.nsglobal.te.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AsGraphTest {
    @Test
    void relationshipsLandInTheirClassesAndHeadersAreSkipped() {
        AsGraph g = AsGraph.parse("# input clique: 1 2\n# IXP ASes: 6777 24115\n1|2|0\n1|30|-1|bgp\n2|30|-1\n30|400|-1\n");
        assertThat(g.size()).isEqualTo(4);
        assertThat(g.links()).isEqualTo(4);
        int as30 = g.index(30);
        assertThat(g.asn(as30)).isEqualTo(30);
        assertThat(g.providerCount(as30)).isEqualTo(2);
        assertThat(g.customerCount(as30)).isEqualTo(1);
        assertThat(g.peerCount(g.index(1))).isEqualTo(1);
        assertThat(g.customerCount(g.index(400))).isZero();
        assertThat(g.index(64500)).isEqualTo(-1);
        assertThat(g.isIxp(24115)).isTrue();
        assertThat(g.isIxp(30)).isFalse();
    }

    @Test
    void aBadLineIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> AsGraph.parse("1|2|0\n1|2|5\n")).hasMessageContaining("text:2: '1|2|5'")
                .hasMessageContaining("relationship must be -1");
        assertThatThrownBy(() -> AsGraph.parse("1|x|0\n")).hasMessageContaining("text:1").hasMessageContaining("AS number");
        assertThatThrownBy(() -> AsGraph.parse("1,2,0\n")).hasMessageContaining("expected as1|as2|rel");
        assertThatThrownBy(() -> AsGraph.parse("7|7|0\n")).hasMessageContaining("its own neighbour");
    }
}
