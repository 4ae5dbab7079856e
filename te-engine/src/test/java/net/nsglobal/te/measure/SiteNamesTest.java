package net.nsglobal.te.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteNamesTest {
    final SiteNames names = new SiteNames(Fixtures.SITES);

    @Test
    void aSiteIdOrAHostNameCarryingItNamesTheSite() {
        assertThat(names.site("fra")).contains("fra");
        assertThat(names.site("FRA")).as("RFC 4343: case-insensitive").contains("fra");
        assertThat(names.site("fra.ns.example.net.")).contains("fra");
        assertThat(names.site("ns2.ams.example.net")).contains("ams");
        assertThat(names.site("EWR")).isEmpty();
        assertThat(names.site("frankfurt.example.net")).isEmpty();
        assertThat(names.site(null)).isEmpty();
    }
}
