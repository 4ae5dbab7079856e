package net.nsglobal.te.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import net.nsglobal.atlas.api.ResultQuery;
import net.nsglobal.atlas.backend.MeasurementBackend;
import net.nsglobal.atlas.model.DnsDefinition;
import net.nsglobal.atlas.model.MeasurementDefinition;
import net.nsglobal.atlas.model.MeasurementRequest;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.atlas.probes.ProbeQuery;
import net.nsglobal.atlas.results.MeasurementResult;
import net.nsglobal.atlas.results.ParseStats;
import net.nsglobal.atlas.results.ResultStreamParser;
import net.nsglobal.testkit.SharedData;

/**
 * A measurement backend answering with RIPE Atlas results recorded from real probes: the catchment results are
 * Cloudflare's {@code id.server} measurement 1768147 (TXT answers naming airports: JNB, LHR, CDG, …), the pings
 * Google Public DNS's of June 2017, given the created measurement's id, the round's time and the catchment probes'
 * ids. Results are served as RIPE serves them (one JSON array, through the atlas module's real parser), filtered by
 * their timestamp like the API's {@code start}; a probe can be held back and its results uploaded late, with the
 * time it measured.
 */
final class RecordedBackend implements MeasurementBackend {
    static final String CATCHMENT = "anycast/cloudflare_ns_173.245.58.117_idserver_msm1768147_part1.jsonl.gz";
    static final String PINGS = "anycast/ping_google_public_dns_8.8.8.8_2017-06.jsonl.gz";
    static final String TIMEOUTS = "anycast/google_public_dns_8.8.8.8_site_whoami_2017-06.jsonl.gz";
    private static final ObjectMapper M = new ObjectMapper();

    private final List<ObjectNode> catchmentLines;
    private final List<ObjectNode> pingLines;
    /** msm id → its results; a result is served once uploaded. */
    private final Map<Long, List<ObjectNode>> results = new LinkedHashMap<>();
    private final Set<Integer> heldBack = new HashSet<>();
    private final Set<String> uploaded = new HashSet<>();
    final List<MeasurementRequest> requests = new ArrayList<>();
    final List<Instant> pollStarts = new ArrayList<>();
    private long nextId = 50_000_000;
    private Instant now;

    /** {@code probes} catchment results (and as many pings); one more probe's catchment query timed out. */
    RecordedBackend(int probes, Instant now) {
        this.now = now;
        catchmentLines = read(CATCHMENT, probes, true);
        catchmentLines.add(read(TIMEOUTS, Integer.MAX_VALUE, false).stream().filter(n -> n.has("error")).findFirst().orElseThrow());
        pingLines = read(PINGS, probes + 1, false);
    }

    /** The first {@code max} lines of a recorded file; {@code oneAProbe}: only each probe's first result. */
    private static List<ObjectNode> read(String file, int max, boolean oneAProbe) {
        List<ObjectNode> out = new ArrayList<>();
        Set<Integer> probes = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(SharedData.file(file))), StandardCharsets.UTF_8))) {
            for (String line; out.size() < max && (line = r.readLine()) != null; ) {
                ObjectNode n = (ObjectNode) M.readTree(line);
                if (!oneAProbe || probes.add(n.get("prb_id").asInt())) out.add(n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    void at(Instant t) { now = t; }

    /** The probes of the recorded catchment results, in file order. */
    List<Integer> probeIds() { return catchmentLines.stream().map(n -> n.get("prb_id").asInt()).toList(); }

    /** Results of {@code probe} created from now on are uploaded only when {@link #uploadLate} is called. */
    void holdBack(int probe) { heldBack.add(probe); }

    void uploadLate() {
        results.values().forEach(rs -> rs.forEach(r -> uploaded.add(key(r))));
        heldBack.clear();
    }

    private static String key(JsonNode r) { return r.get("msm_id").asLong() + "/" + r.get("prb_id").asInt(); }

    @Override public String name() { return "recorded"; }

    @Override
    public List<Long> create(MeasurementRequest request) {
        requests.add(request);
        List<Long> ids = new ArrayList<>();
        List<Integer> probes = probeIds();
        for (MeasurementDefinition d : request.definitions()) {
            long id = nextId++;
            ids.add(id);
            List<ObjectNode> rs = new ArrayList<>();
            for (int i = 0; i < probes.size(); i++) {
                // The recorded line, as this measurement's result: same probe set, measured a few seconds apart.
                ObjectNode r = (d instanceof DnsDefinition ? catchmentLines.get(i) : pingLines.get(i)).deepCopy();
                r.put("msm_id", id).put("group_id", id).put("prb_id", probes.get(i))
                        .put("timestamp", now.getEpochSecond() + i % 30).put("dst_addr", d.target());
                rs.add(r);
                if (!heldBack.contains(probes.get(i))) uploaded.add(key(r));
            }
            results.put(id, rs);
        }
        return ids;
    }

    @Override
    public ParseStats poll(long measurementId, ResultQuery query, Consumer<? super MeasurementResult> sink) {
        query.start().ifPresent(pollStarts::add);
        StringBuilder body = new StringBuilder("[");
        for (ObjectNode r : results.getOrDefault(measurementId, List.of())) {
            long t = r.get("timestamp").asLong();
            if (!uploaded.contains(key(r))) continue;
            if (query.start().isPresent() && t < query.start().get().getEpochSecond()) continue;
            if (body.length() > 1) body.append(',');
            body.append(r);
        }
        try {
            return new ResultStreamParser().parse(new ByteArrayInputStream(body.append(']').toString()
                    .getBytes(StandardCharsets.UTF_8)), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Probe> probes(ProbeQuery query) {
        List<Probe> out = new ArrayList<>();
        for (ObjectNode n : catchmentLines) {
            Double lat = n.hasNonNull("src_lat") ? n.get("src_lat").asDouble() : null;
            Double lon = n.hasNonNull("src_lon") ? n.get("src_lon").asDouble() : null;
            Integer asn = n.hasNonNull("asn_v4") ? n.get("asn_v4").asInt() : null;
            out.add(new Probe(n.get("prb_id").asInt(), asn, null, n.path("country_code").asText(null), lon, lat,
                    "Connected", false, n.path("from").asText(null)));
        }
        return out;
    }

    @Override public void stop(long measurementId) { }

    /** RIPE's prices at the time of writing: 10 credits per DNS (UDP) result, 3 per 3-packet ping result. */
    @Override
    public double expectedCredits(long measurementId) {
        List<ObjectNode> rs = results.get(measurementId);
        if (rs == null) return -1;
        return rs.size() * ("dns".equals(rs.get(0).path("type").asText()) ? 10 : 3);
    }
}
