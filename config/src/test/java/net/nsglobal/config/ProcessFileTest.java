package net.nsglobal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessFileTest {
    static final Setting<Duration> EVERY = Setting.optional("every", Kind.duration(Duration.ofSeconds(1),
            Duration.ofDays(1)), Duration.ofMinutes(5), "how often");

    record Te(Duration every) {}

    static Te te(Section s) throws ConfigException {
        Section inner = s.section("inner");
        Te t = new Te(inner.get(EVERY));
        inner.finish();
        return t;
    }

    @TempDir Path dir;

    @Test
    void eachSectionIsReadByItsReaderAndAbsentMeansDefaults() throws Exception {
        ProcessFile f = ProcessFile.parse("te:\n  inner:\n    every: 10m\nsites: {dir: s, only: [ams1]}\n",
                dir.resolve("p.yaml"), "te", "sites");
        assertThat(f.read("te", ProcessFileTest::te).every()).isEqualTo(Duration.ofMinutes(10));
        SiteSelection sites = f.read("sites", s -> SiteSelection.read(s, f.baseDir()));
        assertThat(sites.dir()).isEqualTo(dir.resolve("s"));
        assertThat(sites.only()).containsExactly("ams1");
        ProcessFile empty = ProcessFile.parse("", dir.resolve("p.yaml"), "te", "sites");
        assertThat(empty.read("te", ProcessFileTest::te).every()).isEqualTo(Duration.ofMinutes(5));
        SiteSelection all = empty.read("sites", s -> SiteSelection.read(s, dir));
        assertThat(all).isEqualTo(new SiteSelection(dir.resolve("sites"), List.of()));
    }

    @Test
    void errorsAreFileLineDottedKeyReason() throws Exception {
        Path p = dir.resolve("p.yaml");
        Files.writeString(p, "te:\n  inner:\n    every: 10 minutes\n");
        assertThatThrownBy(() -> ProcessFile.load(p, "te").read("te", ProcessFileTest::te))
                .hasMessage(p + ":3: te.inner.every: unknown duration unit ' minutes' in '10 minutes' (ms, s, m, h, d, w)");
        Files.writeString(p, "te:\n  inner:\n    every: 1m\n    evry: 2m\n");
        assertThatThrownBy(() -> ProcessFile.load(p, "te").read("te", ProcessFileTest::te))
                .hasMessageStartingWith(p + ":4: te.inner.evry: unknown setting (known here: every)");
        Files.writeString(p, "te:\n  inner: {}\n  outer: 1\n");
        assertThatThrownBy(() -> ProcessFile.load(p, "te").read("te", ProcessFileTest::te))
                .hasMessageStartingWith(p + ":3: te.outer: unknown setting");
        Files.writeString(p, "te: {}\nsites: {dir: s}\ntee: {}\n");
        assertThatThrownBy(() -> ProcessFile.load(p, "te", "sites"))
                .hasMessageStartingWith(p + ":3: tee: unknown section; a setting goes indented under its section")
                .hasMessageEndingWith("(this file is read for: te, sites)");
        Files.writeString(p, "te: {}\natlas: {}\n");
        assertThatThrownBy(() -> ProcessFile.load(p, "te"))
                .hasMessage(p + ":2: atlas: section not read by this process (this file is read for: te)");
        Files.writeString(p, "sites:\n  only: [ams1, Fra1]\n");
        assertThatThrownBy(() -> ProcessFile.load(p, "sites").read("sites", s -> SiteSelection.read(s, dir)))
                .hasMessageStartingWith(p + ":2: sites.only[1]: site code must be lower-case");
        Files.writeString(p, "te: [1\n");
        assertThatThrownBy(() -> ProcessFile.load(p, "te")).hasMessageStartingWith(p + ":1: (yaml): not valid YAML");
        assertThatThrownBy(() -> ProcessFile.load(dir.resolve("missing.yaml"), "te"))
                .hasMessageStartingWith(dir.resolve("missing.yaml") + ": (file): cannot read");
    }
}
