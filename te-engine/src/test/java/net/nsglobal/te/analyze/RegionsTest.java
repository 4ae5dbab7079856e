package net.nsglobal.te.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import net.nsglobal.testkit.SharedData;
import org.junit.jupiter.api.Test;

class RegionsTest {
    @Test
    void everyCountryOfTheIsoListHasAContinentAndTheTableHasNoOtherCode() throws Exception {
        List<String> lines = Files.readAllLines(SharedData.file("geo/iso3166_codes.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("iso2,");
        Set<String> iso = new TreeSet<>();
        Set<String> unmapped = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String code = line.substring(0, line.indexOf(','));
            iso.add(code);
            if (Regions.of(code).isEmpty()) unmapped.add(code);
        }
        assertThat(iso).hasSize(250);
        assertThat(unmapped).isEmpty();
        assertThat(new TreeSet<>(Regions.countries())).isEqualTo(iso);
        for (String code : iso) assertThat(Regions.CONTINENTS).contains(Regions.of(code).orElseThrow());
    }

    @Test
    void theBorderlineCountriesFollowGeoNames() {
        assertThat(Regions.of("ZA")).contains("AF");
        assertThat(Regions.of("EG")).contains("AF");
        assertThat(Regions.of("SC")).contains("AF");
        assertThat(Regions.of("gb")).contains("EU");
        assertThat(Regions.of("RU")).contains("EU");
        assertThat(Regions.of("CY")).contains("EU");
        assertThat(Regions.of("TR")).contains("AS");
        assertThat(Regions.of("GE")).contains("AS");
        assertThat(Regions.of("SG")).contains("AS");
        assertThat(Regions.of("US")).contains("NA");
        assertThat(Regions.of("PA")).contains("NA");
        assertThat(Regions.of("GL")).contains("NA");
        assertThat(Regions.of("BR")).contains("SA");
        assertThat(Regions.of("FK")).contains("SA");
        assertThat(Regions.of("AU")).contains("OC");
        assertThat(Regions.of("TL")).contains("OC");
        assertThat(Regions.of("AQ")).contains("AN");
        assertThat(Regions.of("XK")).contains("EU");
        assertThat(Regions.of("ZZ")).isEmpty();
        assertThat(Regions.of((String) null)).isEmpty();
        assertThat(Regions.of(Fleet.site("jnb1", "Johannesburg", "ZA", -26.1, 28.2))).contains("AF");
    }
}
