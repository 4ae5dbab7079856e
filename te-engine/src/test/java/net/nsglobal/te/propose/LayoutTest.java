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
    void perSessionKnobsAreKeptApartAndRoundTrip() {
        Map<String, Knobs> oneSession = new LinkedHashMap<>(base);
        oneSession.put("ams1", base.get("ams1").withPrepend("ntt", 1));
        Layout l = Layout.of(oneSession, base);
        assertThat(l.prepend("ams1")).as("the least prepend is the site's").isZero();
        assertThat(l.sessions("ams1")).containsOnlyKeys("ntt");
        assertThat(l.knobs(base)).isEqualTo(oneSession);

        Map<String, Knobs> partly = new LinkedHashMap<>(base);
        partly.put("ams1", base.get("ams1").withAnnounce("arelion", false));
        Layout p = Layout.of(partly, base);
        assertThat(p.announces("ams1")).isTrue();
        assertThat(p.sessions("ams1").get("arelion").announce()).isFalse();
        assertThat(p.knobs(base)).isEqualTo(partly);
        assertThat(p.with("ams1", 2).knobs(base).get("ams1").session("arelion").announce()).as("stays withdrawn under a site prepend").isFalse();
        assertThat(p.with("ams1", 2).knobs(base).get("ams1").session("ntt").prepend()).isEqualTo(2);
        assertThat(p.without("ams1").sessions()).isEmpty();
        assertThat(p.toString()).contains("ams1 arelion: withdrawn");

        Map<String, Knobs> tagged = new LinkedHashMap<>(base);
        tagged.put("ams1", base.get("ams1").withCommunities("ntt", List.of(new Community(2914, 429, 0, false))));
        Layout t = Layout.of(tagged, base);
        assertThat(t.sessions("ams1").get("ntt").communities()).hasSize(1);
        assertThat(t.with("ams1", 1).knobs(base).get("ams1").session("ntt")).as("the community stays, the prepend follows the site")
                .isEqualTo(new Knobs.Session(true, 1, List.of(new Community(2914, 429, 0, false))));
    }

    @Test
    void unknownSitesAndSessionsAreRefusedByName() {
        assertThatThrownBy(() -> Layout.of(Map.of("lhr1", knobs("x")), base)).hasMessageContaining("site lhr1 is not one of");
        assertThatThrownBy(() -> Layout.of(Map.of("ams1", knobs("ntt", "gtt")), base)).hasMessageContaining("site ams1 has no session gtt");
    }
}
