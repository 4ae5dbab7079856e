package net.nsglobal.te.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.nsglobal.atlas.probes.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbesTest {
    static final String TWO = """
            {"id":7,"country_code":"NL","geometry":{"type":"Point","coordinates":[6.0075,51.2005]},"asn_v4_derived":33915}

            {"id":8,"asn_v4":1136,"country_code":"NL","geometry":{"coordinates":[6.0,51.0]},"asn_v4_derived":33915}
            """;

    @TempDir
    Path dir;

    @Test
    void readsTheAtlasShapeFallingBackToTheDerivedAsnAndGzipByContent() throws Exception {
        Path gz = dir.resolve("probes.jsonl");   // gzip without a .gz name
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(TWO.getBytes(StandardCharsets.UTF_8));
        }
        List<Probe> ps = Probes.read(gz);
        assertThat(ps).extracting(Probe::id).containsExactly(7, 8);
        assertThat(ps.get(0).asnV4()).isEqualTo(33915);
        assertThat(ps.get(1).asnV4()).isEqualTo(1136);
        assertThat(ps.get(0).latitude()).isEqualTo(51.2005);
        assertThat(ps.get(0).longitude()).isEqualTo(6.0075);
    }

    @Test
    void badLinesAreNamedByFileAndLine() throws Exception {
        Path f = dir.resolve("p.jsonl");
        Files.writeString(f, TWO + "{\"id\": \"x\"}\n");
        assertThatThrownBy(() -> Probes.read(f)).isInstanceOf(IOException.class).hasMessageContaining("p.jsonl:4: probe without a numeric id");
        Files.writeString(f, TWO + "{\"id\": 9,\n");
        assertThatThrownBy(() -> Probes.read(f)).hasMessageContaining("p.jsonl:4: not JSON");
        Files.writeString(f, TWO + TWO.lines().findFirst().orElseThrow() + "\n");
        assertThatThrownBy(() -> Probes.read(f)).hasMessageContaining("p.jsonl:4: probe 7 is already on line 1");
        Files.writeString(f, "{\"id\":1,\"geometry\":{\"coordinates\":[51.0,120.0]}}\n");
        assertThatThrownBy(() -> Probes.read(f)).hasMessageContaining("p.jsonl:1: probe 1: geometry.coordinates [51.0, 120.0] is not [lon, lat]");
        assertThatThrownBy(() -> Probes.read(dir.resolve("missing"))).hasMessageContaining("no such file");
    }
}
