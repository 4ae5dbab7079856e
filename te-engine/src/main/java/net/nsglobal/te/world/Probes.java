package net.nsglobal.te.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import net.nsglobal.atlas.probes.Probe;

/**
 * Reads the simulated world's vantage points: JSON lines in the RIPE Atlas probe shape ({@code id}, {@code asn_v4},
 * {@code country_code}, {@code geometry.coordinates = [lon, lat]}), as the shared probe list and the Atlas API's
 * probe objects are written; {@link Probe#fromJson} falls back to the shared list's {@code asn_v4_derived}.
 * A gzip file (recognised by its magic bytes, whatever its name) is read through gzip. Blank lines are skipped.
 *
 * <p>Bad input is refused whole, never half-read: the first broken line is reported as {@code file:line: reason}.
 */
public final class Probes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Probes() {}

    /** @throws IOException if the file cannot be read or a line is not a probe (the message names file:line) */
    public static List<Probe> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("probes: " + file + ": no such file");
        List<Probe> out = new ArrayList<>();
        Map<Integer, Integer> lineOfId = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) continue;
                Probe p = parse(line, file, no);
                Integer earlier = lineOfId.putIfAbsent(p.id(), no);
                if (earlier != null) throw new IOException("probes: " + file + ":" + no + ": probe " + p.id() + " is already on line " + earlier);
                out.add(p);
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException("probes: " + file + ": broken gzip data: " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    private static Probe parse(String line, Path file, int no) throws IOException {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IOException("probes: " + file + ":" + no + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) throw new IOException("probes: " + file + ":" + no + ": not a JSON object");
        Probe p;
        try {
            p = Probe.fromJson(n);
        } catch (IllegalArgumentException e) {
            throw new IOException("probes: " + file + ":" + no + ": " + e.getMessage(), e);
        }
        if (p.latitude() != null && (Math.abs(p.latitude()) > 90 || Math.abs(p.longitude()) > 180)) {
            throw new IOException("probes: " + file + ":" + no + ": probe " + p.id() + ": geometry.coordinates ["
                    + p.longitude() + ", " + p.latitude() + "] is not [lon, lat] in degrees");
        }
        return p;
    }

    /** The file's bytes, through gzip if it starts with gzip's magic number (RFC 1952 §2.3.1). */
    static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int b0 = in.read(), b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in) : in;
    }
}
