package net.nsglobal.te.propose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.nsglobal.platform.sites.Community;
import net.nsglobal.te.apply.Knobs;
import org.junit.jupiter.api.Test;

/** The grain the predictor models, and the configurations it refuses to guess at. */
class LayoutTest {
    static Knobs knobs(String... sessions) {
        Map<String, Knobs.Session> m = new LinkedHashMap<>();
        for (String s : sessions) m.put(s, new Knobs.Session(true, 0, List.of()));
        return new Knobs(m);
    }

    final Map<String, Knobs> base = Map.of("ams1", knobs("ntt", "arelion"), "syd1", knobs("vocus"));

    @Test
    void aSiteUniformConfigurationRoundTrips() {
        Layout l = Layout.all(base.keySet()).with("ams1", 2).without("syd1");
        Map<String, Knobs> k = l.knobs(base);
        assertThat(k.get("ams1").session("ntt").prepend()).isEqualTo(2);
        assertThat(k.get("ams1").session("arelion").prepend()).isEqualTo(2);
        assertThat(k.get("syd1").session("vocus").announce()).isFalse();
        assertThat(Layout.of(k, base)).isEqualTo(l);
    }

    @Test
    void perSessionKnobsAreRefusedNamingSiteAndSession() {
        Map<String, Knobs> oneSession = new LinkedHashMap<>(base);
        oneSession.put("ams1", base.get("ams1").withPrepend("ntt", 1));
        assertThatThrownBy(() -> Layout.of(oneSession, base)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site ams1: sessions prepend differently");

        Map<String, Knobs> partly = new LinkedHashMap<>(base);
        partly.put("ams1", base.get("ams1").withAnnounce("arelion", false));
        assertThatThrownBy(() -> Layout.of(partly, base)).hasMessageContaining("site ams1: some sessions withdrawn");

        Map<String, Knobs> tagged = new LinkedHashMap<>(base);
        tagged.put("ams1", base.get("ams1").withCommunities("ntt", List.of(new Community(2914, 429, 0, false))));
        assertThatThrownBy(() -> Layout.of(tagged, base)).hasMessageContaining("site ams1 session ntt: communities");

        assertThatThrownBy(() -> Layout.of(Map.of("lhr1", knobs("x")), base)).hasMessageContaining("site lhr1 is not one of");
    }
}
