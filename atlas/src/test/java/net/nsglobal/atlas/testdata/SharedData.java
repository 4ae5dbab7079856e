package net.nsglobal.atlas.testdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The real RIPE Atlas data in {@code shared/data} (see its SOURCES.md), used in place: found by walking up from the
 * working directory. A missing data set fails the test with a clear message, never skips it.
 */
public final class SharedData {
    public static final String CLOUDFLARE_IDSERVER =
            "anycast/cloudflare_ns_173.245.58.117_idserver_msm1768147_part1.jsonl.gz";
    public static final String GOOGLE_WHOAMI = "anycast/google_public_dns_8.8.8.8_site_whoami_2017-06.jsonl.gz";
    public static final String GOOGLE_WHOAMI_DECODED =
            "anycast/google_public_dns_8.8.8.8_site_whoami_2017-06.decoded.tsv";
    public static final String PING_GOOGLE = "anycast/ping_google_public_dns_8.8.8.8_2017-06.jsonl.gz";
    public static final String PING_OPENDNS = "anycast/ping_opendns_208.67.222.222_2017-06.jsonl.gz";
    public static final String PROBES = "probes/ripe_atlas_probes_2023-04_connected.jsonl.gz";

    private SharedData() {
    }

    public static Path root() {
        return net.nsglobal.testkit.SharedData.root();
    }

    public static Path file(String relative) {
        return net.nsglobal.testkit.SharedData.file(relative);
    }

    public static InputStream open(String relative) {
        try {
            InputStream in = Files.newInputStream(file(relative));
            return relative.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All lines (JSON objects) of a data file. For the small files only; the large test streams instead. */
    public static List<String> lines(String relative) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(relative), StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects as the API sends them: one JSON array. */
    public static String asJsonArray(List<String> objects) {
        return "[" + String.join(",", objects) + "]";
    }
}
