package net.nsglobal.te.analyze;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import net.nsglobal.testkit.SharedData;

/** The lines of a shared data file, gunzipped if its name ends in .gz. */
final class DataFiles {
    private DataFiles() {}

    static List<String> lines(String relative) throws IOException {
        Path p = SharedData.file(relative);
        try (InputStream raw = Files.newInputStream(p);
             InputStream in = p.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
