package net.nsglobal.te.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import net.nsglobal.platform.sites.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AsRegionsTest {
    @Test
    void anAsWithoutAKnownCountryHasNoRegion() {
        AsRegions r = AsRegions.parse("""
                # format:org_id|changed|org_name|country|source
                A|20220101|Somewhere|ZZ|RIPE
                B|20220101|Brussels|EU|RIPE
                # format:aut|changed|aut_name|org_id|opaque_id|source
                1|20220101|ONE|A|x|RIPE
                2|20220101|TWO|B|x|RIPE
                3|20220101|THREE|NO-SUCH-ORG|x|ARIN
                """);
        assertThat(r.regionOf(1)).isEmpty();
        assertThat(r.regionOf(2)).contains(Region.EUROPE);
        assertThat(r.regionOf(3)).isEmpty();
        assertThat(r.size()).isEqualTo(1);
    }

    @Test
    void aBadLineIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> AsRegions.parse("# format:aut|changed|aut_name|org_id|opaque_id|source\n1|x|y|A|o|RIPE\nAS2|x|y|A|o|RIPE\n"))
                .hasMessageContaining("text:3: 'AS2|x|y|A|o|RIPE'").hasMessageContaining("AS number expected");
        assertThatThrownBy(() -> AsRegions.parse("A|20220101|short|ZZ\n")).hasMessageContaining("text:1")
                .hasMessageContaining("expected org_id|changed|org_name|country|source");
    }
}
