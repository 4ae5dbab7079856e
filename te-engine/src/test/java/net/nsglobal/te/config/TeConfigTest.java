package net.nsglobal.te.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import net.nsglobal.config.ProcessFile;
import org.junit.jupiter.api.Test;

class TeConfigTest {
    static TeConfig parse(String yaml) throws Exception {
        ProcessFile f = ProcessFile.parse(yaml, Path.of("te.yaml"), "te", "atlas", "sites");
        return f.read("te", TeConfig::read);
    }

    @Test
    void defaultsToTheSimulatedWorld() throws Exception {
        TeConfig c = parse("te: {}\n");
        assertThat(c.measurementBackend()).isEqualTo(Schema.Backend.SIMULATED);
        assertThat(c.anycastAddresses()).isEmpty();
        assertThat(c.measurementInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.probesPerRound()).isEqualTo(100);
        assertThat(c.ingestInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.ingestOverlap()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.ingestLookback()).isEqualTo(Duration.ofHours(2));
        assertThat(c.retention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void readsTheIngestionSettings() throws Exception {
        TeConfig c = parse("te: {probes-per-round: 500, ingest-interval: 1m, ingest-overlap: 2m, ingest-lookback: 6h, "
                + "retention: 7d}\n");
        assertThat(c).extracting(TeConfig::probesPerRound, TeConfig::ingestInterval, TeConfig::ingestOverlap,
                TeConfig::ingestLookback, TeConfig::retention).containsExactly(500, Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofHours(6), Duration.ofDays(7));
    }

    @Test
    void ingestionSettingsThatWouldLoseOrRefetchSamplesAreRefused() {
        assertThatThrownBy(() -> parse("te:\n  ingest-overlap: 3h\n"))
                .hasMessageStartingWith("te.yaml:2: te.ingest-overlap: must be shorter than ingest-lookback");
        assertThatThrownBy(() -> parse("te:\n  ingest-lookback: 2d\n  retention: 1d\n"))
                .hasMessageStartingWith("te.yaml:3: te.retention: must be longer than ingest-lookback");
        assertThatThrownBy(() -> parse("te:\n  probes-per-round: 0\n"))
                .hasMessageStartingWith("te.yaml:2: te.probes-per-round:");
    }

    @Test
    void readsTheSection() throws Exception {
        TeConfig c = parse("te:\n  measurement-backend: ripe-atlas\n  anycast-addresses: [192.0.2.53, \"2001:db8::53\"]\n"
                + "  measurement-interval: 1h\natlas: {api-key: k}\n");
        assertThat(c.measurementBackend()).isEqualTo(Schema.Backend.RIPE_ATLAS);
        assertThat(c.anycastAddresses()).hasSize(2);
        assertThat(c.measurementInterval()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void mistakesNameTheFileLineAndKey() {
        assertThatThrownBy(() -> parse("te:\n  measurement-backend: bgp\n"))
                .hasMessage("te.yaml:2: te.measurement-backend: expected one of simulated|ripe-atlas, got 'bgp'");
        assertThatThrownBy(() -> parse("te:\n  measurement-interval: 10s\n"))
                .hasMessageStartingWith("te.yaml:2: te.measurement-interval: must be between");
        assertThatThrownBy(() -> parse("te: {measurement-backend: ripe-atlas}\n"))
                .hasMessageStartingWith("te.yaml:1: te.anycast-addresses: needs at least one address");
        assertThatThrownBy(() -> parse("te: {}\ncontrol-plane: {}\n"))
                .hasMessageStartingWith("te.yaml:2: control-plane: section not read by this process");
    }
}
