package net.nsglobal.te.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import net.nsglobal.platform.Installation;

/**
 * The shared real data sets ({@code shared/data}, beside the installation): found by walking up from the
 * installation's folder ({@code nsglobal.home}, set by the {@code ./nsglobal} script; else the current directory).
 */
public final class DataFiles {
    public static final String GRAPH = "caida/20230201.as-rel.txt.bz2";
    public static final String ORGS = "caida/20221001.as-org2info.txt.gz";
    public static final String PROBES = "probes/ripe_atlas_probes_2023-04_connected.jsonl.gz";
    public static final String LATENCY = "latency/country_rtt_stat_ripeatlas_2025.csv.gz";

    private DataFiles() {}

    static Path home() {
        return Installation.home();
    }

    static Optional<Path> shared() {
        for (Path d = home(); d != null; d = d.getParent()) {
            Path c = d.resolve("shared/data");
            if (Files.isDirectory(c)) return Optional.of(c);
        }
        return Optional.empty();
    }

    /** A shared data file, or a path that names what is missing (the reader's error then says so). */
    public static Path file(String relative) {
        return shared().map(d -> d.resolve(relative)).orElse(home().resolve("../shared/data").resolve(relative).normalize());
    }
}
