package net.nsglobal.atlas.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Invalid definitions are refused before any request (and any credit) is spent. */
class MeasurementRequestTest {
    @Test
    void refusesWhatTheApiWouldRefuse() {
        assertThatThrownBy(() -> PingDefinition.of("192.0.2.1", 5)).hasMessageContaining("af");
        assertThatThrownBy(() -> new PingDefinition(4, "192.0.2.1", "x", 0, 48)).hasMessageContaining("packets");
        assertThatThrownBy(() -> Schedule.periodic(Duration.ofSeconds(30), null, null))
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> Schedule.periodic(Duration.ofMinutes(5), Instant.ofEpochSecond(20),
                Instant.ofEpochSecond(10))).hasMessageContaining("stop_time");
        assertThatThrownBy(() -> ProbeSelection.parse("planet:earth:5")).hasMessageContaining("planet");
        assertThatThrownBy(() -> ProbeSelection.parse("area")).hasMessageContaining("TYPE:VALUE");
        assertThatThrownBy(() -> ProbeSelection.of(ProbeSelection.Type.AREA, "WW", 0))
                .hasMessageContaining("requested");
        assertThatThrownBy(() -> new MeasurementRequest(List.of(), List.of(ProbeSelection.parse("area:WW:1")),
                Schedule.oneOff(), Optional.empty())).hasMessageContaining("definition");
    }

    @Test
    void aPeriodicMeasurementNeedsAStop() {
        assertThatThrownBy(() -> Schedule.periodic(Duration.ofMinutes(15), null, null))
                .hasMessageContaining("needs a stop time");
        assertThatThrownBy(() -> Schedule.periodic(Duration.ofMinutes(15), Instant.ofEpochSecond(20), null))
                .hasMessageContaining("needs a stop time");
        Schedule s = Schedule.periodicFor(Duration.ofMinutes(15), Instant.ofEpochSecond(1800000000),
                Duration.ofHours(6));
        var json = new MeasurementRequest(List.of(PingDefinition.of("192.0.2.1", 4)),
                List.of(ProbeSelection.parse("area:WW:5")), s, Optional.empty()).toJson();
        assertThat(json.get("stop_time").asLong()).isEqualTo(1800000000L + 6 * 3600);
        assertThat(json.at("/definitions/0/interval").asInt()).isEqualTo(900);
    }

    @Test
    void selectionsByIpv6PrefixRegionAndCountries() {
        ProbeSelection v6 = ProbeSelection.parse("prefix:2001:67c:2e8::/48:10");
        assertThat(v6.type()).isEqualTo(ProbeSelection.Type.PREFIX);
        assertThat(v6.value()).isEqualTo("2001:67c:2e8::/48");
        assertThat(v6.requested()).isEqualTo(10);
        ProbeSelection v6NoCount = ProbeSelection.parse("prefix:2001:db8::/32");
        assertThat(v6NoCount.value()).isEqualTo("2001:db8::/32");
        assertThat(v6NoCount.requested()).isEqualTo(10);
        assertThat(ProbeSelection.parse("prefix:193.0.0.0/21:4").value()).isEqualTo("193.0.0.0/21");
        assertThatThrownBy(() -> ProbeSelection.parse("prefix:2001:db8::")).hasMessageContaining("needs a length");

        ProbeSelection region = ProbeSelection.parse("region:western_europe:20");
        assertThat(region.type().apiName()).isEqualTo("region");
        assertThat(region.value()).isEqualTo("western_europe");
        ProbeSelection countries = ProbeSelection.parse("countries:NL,DE,FR:30");
        assertThat(countries.type().apiName()).isEqualTo("countries");
        assertThat(countries.value()).isEqualTo("NL,DE,FR");
        assertThat(countries.requested()).isEqualTo(30);
    }

    @Test
    void probeListSelectionDefaultsToItsLength() {
        ProbeSelection p = ProbeSelection.parse("probes:7,8,10");
        assertThat(p.requested()).isEqualTo(3);
        assertThat(p.type().apiName()).isEqualTo("probes");
    }

    @Test
    void oneOffWithStartTimeAndBillTo() {
        MeasurementRequest r = new MeasurementRequest(List.of(DnsDefinition.catchment("192.0.2.53", 4)),
                List.of(ProbeSelection.parse("country:NL:5"), ProbeSelection.parse("asn:3333:2")),
                new Schedule.OneOff(Optional.of(Instant.ofEpochSecond(1800000000))), Optional.of("ops@example.net"));
        var json = r.toJson();
        assertThat(json.get("is_oneoff").asBoolean()).isTrue();
        assertThat(json.get("start_time").asLong()).isEqualTo(1800000000L);
        assertThat(json.has("stop_time")).isFalse();
        assertThat(json.get("bill_to").asText()).isEqualTo("ops@example.net");
        assertThat(json.get("probes")).hasSize(2);
        assertThat(r.probesRequested()).isEqualTo(7);
    }
}
