package net.nsglobal.atlas.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.nsglobal.atlas.testdata.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The result shapes real data does not cover in one file: {@code resultset}, firmware without {@code abuf},
 * {@code getaddrinfo} errors, malformed records. Every case starts from a real recorded object and changes only
 * what the case is about.
 */
class ResultShapesTest {
    private static final ObjectMapper M = new ObjectMapper();
    private final ResultStreamParser parser = new ResultStreamParser();

    private static ObjectNode realCloudflare() throws IOException {
        return (ObjectNode) M.readTree(SharedData.lines(SharedData.CLOUDFLARE_IDSERVER).get(0));
    }

    private static ObjectNode realGoogle() throws IOException {
        return (ObjectNode) M.readTree(SharedData.lines(SharedData.GOOGLE_WHOAMI).get(0));
    }

    private List<MeasurementResult> parse(String json, ParseStats[] stats) throws IOException {
        List<MeasurementResult> out = new ArrayList<>();
        stats[0] = parser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out::add);
        return out;
    }

    @Test
    void resultsetWithOneAnswerAndOneGetaddrinfoError() throws IOException {
        ObjectNode o = realCloudflare();
        ObjectNode answered = M.createObjectNode();
        answered.put("af", 4).put("dst_addr", "173.245.58.117").put("proto", "UDP").put("lts", 82)
                .put("time", 1426896503).put("subid", 1).put("submax", 2);
        answered.set("result", o.remove("result"));
        ObjectNode failed = M.createObjectNode();
        failed.put("af", 4).put("proto", "UDP").put("time", 1426896504).put("subid", 2).put("submax", 2);
        failed.putObject("error").put("getaddrinfo", "Name or service not known");
        o.putArray("resultset").add(failed).add(answered);

        ParseStats[] s = new ParseStats[1];
        DnsResult d = (DnsResult) parse(o.toString(), s).get(0);
        assertThat(s[0].parsed()).isEqualTo(1);
        assertThat(d.responses()).hasSize(2);
        DnsResponse err = d.responses().get(0);
        assertThat(err.subid()).isEqualTo(2);
        assertThat(err.answered()).isFalse();
        assertThat(err.error()).isEqualTo("getaddrinfo: Name or service not known");
        assertThat(err.rttMs()).isNull();
        DnsResponse ok = d.firstAnswer().orElseThrow();
        assertThat(ok.subid()).isEqualTo(1);
        assertThat(ok.dstAddr()).isEqualTo("173.245.58.117");
        assertThat(ok.site().value()).isEqualTo("JNB");
        assertThat(ok.rttMs()).isEqualTo(65.725);
    }

    @Test
    void withoutAbufTheAnswersListIsReadInBothFirmwareShapes() throws IOException {
        // fw 4670: RDATA is one string.
        ObjectNode cf = realCloudflare();
        ((ObjectNode) cf.get("result")).remove("abuf");
        // fw 4790: RDATA is a list of strings in presentation format (\034 is '"').
        ObjectNode g = realGoogle();
        ((ObjectNode) g.get("result")).remove("abuf");

        ParseStats[] s = new ParseStats[1];
        List<MeasurementResult> rs = parse("[" + cf + "," + g + "]", s);
        assertThat(s[0].parsed()).isEqualTo(2);
        DnsResponse a = ((DnsResult) rs.get(0)).firstAnswer().orElseThrow();
        assertThat(a.site()).isEqualTo(new SiteIdentity("JNB", SiteIdentity.Source.TXT));
        assertThat(a.rcode()).as("no abuf, no rcode").isNull();
        DnsResponse b = ((DnsResult) rs.get(1)).firstAnswer().orElseThrow();
        assertThat(b.site()).isEqualTo(new SiteIdentity("GRQ", SiteIdentity.Source.TXT));
        assertThat(rs.get(1).fw()).isEqualTo(4790);
    }

    @Test
    void topLevelTimeoutErrorIsAVerdictNotAnException() throws IOException {
        String timeout = SharedData.lines(SharedData.GOOGLE_WHOAMI).stream().filter(l -> l.contains("\"error\""))
                .findFirst().orElseThrow();
        ParseStats[] s = new ParseStats[1];
        DnsResult d = (DnsResult) parse(timeout, s).get(0);
        assertThat(d.probeId()).isEqualTo(1078);
        assertThat(d.firstAnswer()).isEmpty();
        assertThat(d.responses()).singleElement().satisfies(r -> assertThat(r.error()).isEqualTo("timeout"));
    }

    @Test
    void malformedRecordsAreSkippedAndCountedAndTheBatchGoesOn() throws IOException {
        List<String> cf = SharedData.lines(SharedData.CLOUDFLARE_IDSERVER).subList(0, 5);
        String ping = SharedData.lines(SharedData.PING_GOOGLE).get(0);

        ObjectNode noProbe = (ObjectNode) M.readTree(cf.get(1));
        noProbe.remove("prb_id");
        ObjectNode badAbuf = (ObjectNode) M.readTree(cf.get(2));
        badAbuf.remove("msm_id");
        ObjectNode truncatedAbuf = (ObjectNode) M.readTree(cf.get(3));
        truncatedAbuf.put("timestamp", "yesterday");
        ObjectNode badRtt = (ObjectNode) M.readTree(ping);
        ((ObjectNode) badRtt.get("result").get(0)).put("rtt", "fast");
        ObjectNode traceroute = (ObjectNode) M.readTree(ping);
        traceroute.put("type", "traceroute");

        ArrayNode arr = M.createArrayNode();
        arr.add(M.readTree(cf.get(0))).add(noProbe).add(badAbuf).add(42).add(truncatedAbuf).add(badRtt)
                .add(traceroute).add(M.readTree(cf.get(4))).add(M.readTree(ping));
        ParseStats[] s = new ParseStats[1];
        List<MeasurementResult> rs = parse(arr.toString(), s);
        assertThat(s[0].parsed()).isEqualTo(3);
        assertThat(s[0].skipped()).isEqualTo(5);
        assertThat(s[0].unsupported()).isEqualTo(1);
        assertThat(s[0].sampleReasons()).hasSize(5).anySatisfy(r -> assertThat(r).contains("prb_id"))
                .anySatisfy(r -> assertThat(r).contains("msm_id"));
        assertThat(rs).extracting(MeasurementResult::probeId)
                .containsExactly(10855, M.readTree(cf.get(4)).get("prb_id").asInt(), 1000);
    }

    @Test
    void aTruncatedDownloadEndsTheStreamWithAnIoError() {
        String body = "[" + String.join(",", SharedData.lines(SharedData.CLOUDFLARE_IDSERVER).subList(0, 3));
        List<MeasurementResult> got = new ArrayList<>();
        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                got::add)).isInstanceOf(IOException.class).hasMessageContaining("3 results");
        assertThat(got).hasSize(3);
    }

    @Test
    void jsonLinesAreReadLikeAnArray() throws IOException {
        String lines = String.join("\n", SharedData.lines(SharedData.PING_OPENDNS).subList(0, 10));
        ParseStats[] s = new ParseStats[1];
        assertThat(parse(lines, s)).hasSize(10);
    }

    @Test
    void oldFirmwarePingWithoutSummaryFieldsIsSummarisedFromThePackets() throws IOException {
        ObjectNode o = (ObjectNode) M.readTree(SharedData.lines(SharedData.PING_GOOGLE).get(0));
        o.remove(List.of("min", "avg", "max", "sent", "rcvd"));
        o.put("fw", 1);
        ((ObjectNode) o.get("result").get(1)).removeAll().put("x", "*");
        ParseStats[] s = new ParseStats[1];
        PingResult p = (PingResult) parse(o.toString(), s).get(0);
        assertThat(p.fw()).isEqualTo(1);
        assertThat(p.sent()).isEqualTo(3);
        assertThat(p.received()).isEqualTo(2);
        assertThat(p.rtts()).containsExactly(23.930885, null, 22.940165);
        assertThat(p.minMs()).isEqualTo(22.940165);
        assertThat(p.maxMs()).isEqualTo(23.930885);
        assertThat(p.avgMs()).isCloseTo((23.930885 + 22.940165) / 2, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anAbufThatDoesNotDecodeKeepsTheRttAndIsFlaggedMalformed() throws IOException {
        // As Sagan: the probe did get an answer after rt ms; only the recorded wire message is unreadable.
        ObjectNode notBase64 = realCloudflare();
        ((ObjectNode) notBase64.get("result")).put("abuf", "!!not base64!!");
        ObjectNode truncated = realCloudflare();
        ((ObjectNode) truncated.get("result")).put("abuf", "GzWEAAABAAEAAAAAAmlkBnNl");
        ArrayNode arr = M.createArrayNode().add(notBase64).add(truncated).add(realCloudflare());
        ParseStats[] s = new ParseStats[1];
        List<MeasurementResult> rs = parse(arr.toString(), s);
        assertThat(s[0].parsed()).isEqualTo(3);
        assertThat(s[0].skipped()).isZero();
        for (MeasurementResult r : rs.subList(0, 2)) {
            DnsResult d = (DnsResult) r;
            assertThat(d.isMalformed()).isTrue();
            DnsResponse a = d.firstAnswer().orElseThrow();
            assertThat(a.rttMs()).isEqualTo(65.725);
            assertThat(a.malformed()).isNotBlank();
            assertThat(a.rcode()).isNull();
            assertThat(a.siteIdentity()).isEmpty();
        }
        assertThat(((DnsResult) rs.get(0)).firstAnswer().orElseThrow().malformed()).contains("base64");
        DnsResult good = (DnsResult) rs.get(2);
        assertThat(good.isMalformed()).isFalse();
        assertThat(good.firstAnswer().orElseThrow().site().value()).isEqualTo("JNB");
    }

    @Test
    void firmwareOnePingWithOnlyTheSummaryParses() throws IOException {
        // Firmware 1 ("Measurement Result Format", ping, version 1): min/avg/max/sent/rcvd/dup, no result array.
        ObjectNode o = (ObjectNode) M.readTree(SharedData.lines(SharedData.PING_GOOGLE).get(0));
        o.remove(List.of("result", "type", "step", "lts", "proto", "group_id", "msm_name", "src_addr"));
        o.put("fw", 1).put("sent", 3).put("rcvd", 2).put("dup", 0);
        ParseStats[] s = new ParseStats[1];
        PingResult p = (PingResult) parse(o.toString(), s).get(0);
        assertThat(s[0].skipped()).isZero();
        assertThat(p.fw()).isEqualTo(1);
        assertThat(p.rtts()).isEmpty();
        assertThat(p.minMs()).isEqualTo(22.228997);
        assertThat(p.avgMs()).isEqualTo(23.033349);
        assertThat(p.lost()).isEqualTo(1);
        assertThat(p.requests()).isEqualTo(3);
    }

    @Test
    void latestIsAnObjectKeyedByProbeId() throws IOException {
        // "Results and Latest": {"<probe id>": [<newest result>, <older>, …], …}
        List<String> cf = SharedData.lines(SharedData.CLOUDFLARE_IDSERVER);
        ObjectNode a = (ObjectNode) M.readTree(cf.get(0));
        ObjectNode b = (ObjectNode) M.readTree(cf.get(1));
        ObjectNode b2 = (ObjectNode) M.readTree(cf.get(1));
        ObjectNode body = M.createObjectNode();
        body.putArray(a.get("prb_id").asText()).add(a);
        body.putArray(b.get("prb_id").asText()).add(b).add(b2);
        body.putArray("424242"); // a probe with no result yet
        List<MeasurementResult> out = new ArrayList<>();
        ParseStats s = parser.parseLatest(new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8)),
                out::add);
        assertThat(s.parsed()).isEqualTo(3);
        assertThat(out).extracting(MeasurementResult::probeId)
                .containsExactly(a.get("prb_id").asInt(), b.get("prb_id").asInt(), b.get("prb_id").asInt());

        List<MeasurementResult> list = new ArrayList<>();
        parser.parseLatest(new ByteArrayInputStream(SharedData.asJsonArray(cf.subList(0, 4))
                .getBytes(StandardCharsets.UTF_8)), list::add);
        assertThat(list).hasSize(4);
    }

    @Test
    void presentationEscapesAreUndone() {
        assertThat(DnsResultParser.unescape("{\\034iata\\034: \\034GRQ\\034}")).isEqualTo("{\"iata\": \"GRQ\"}");
        assertThat(DnsResultParser.unescape("a\\.b\\\\c")).isEqualTo("a.b\\c");
    }
}
