package net.nsglobal.atlas.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.nsglobal.atlas.api.AtlasClient;
import net.nsglobal.atlas.api.ResultQuery;
import net.nsglobal.atlas.results.DnsResponse;
import net.nsglobal.atlas.results.DnsResult;
import net.nsglobal.atlas.results.ParseStats;
import net.nsglobal.atlas.results.PingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atlas results MSM}: one line per result: probe, time, site, RTT, rcode (DNS) or loss (ping). */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = "Print a measurement's results: per probe site, RTT and rcode (or ping loss).")
final class ResultsCommand extends AtlasSubcommand {
    @Parameters(index = "0", paramLabel = "MSM", description = "Measurement id")
    long msmId;

    @Option(names = "--since", paramLabel = "TIME", description = "Start of window: ISO-8601 instant or epoch seconds")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "End of window: ISO-8601 instant or epoch seconds")
    String until;

    @Option(names = "--probe", split = ",", paramLabel = "ID", description = "Only these probe ids")
    List<Integer> probeIds = List.of();

    @Option(names = "--latest", description = "Only each probe's latest result (/latest/; --since/--until ignored)")
    boolean latest;

    @Override
    int run(AtlasClient client) {
        ResultQuery q = new ResultQuery(time(since), time(until), probeIds);
        Output o = new Output(out(), common.format,
                List.of("probe", "timestamp", "type", "site", "rtt_ms", "rcode", "error", "loss"),
                7, 21, 5, 12, 9, 9, 12);
        java.util.function.Consumer<net.nsglobal.atlas.results.MeasurementResult> print = r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("probe", r.probeId());
            row.put("timestamp", r.timestamp().toString());
            if (r instanceof DnsResult d) {
                row.put("type", "dns");
                Optional<DnsResponse> a = d.firstAnswer();
                DnsResponse first = a.orElse(d.responses().isEmpty() ? null : d.responses().get(0));
                row.put("site", a.flatMap(DnsResponse::siteIdentity).map(x -> x.value()).orElse(null));
                row.put("rtt_ms", a.map(DnsResponse::rttMs).orElse(null));
                row.put("rcode", a.map(DnsResponse::rcodeName).orElse(null));
                row.put("error", a.isPresent() && a.get().isMalformed() ? "malformed abuf: " + a.get().malformed()
                        : a.isPresent() || first == null ? null : first.error());
            } else if (r instanceof PingResult p) {
                row.put("type", "ping");
                row.put("rtt_ms", p.minMs());
                row.put("loss", p.lost() + "/" + p.requests());
            }
            o.row(row);
        };
        if (latest && (since != null || until != null)) {
            throw new IllegalArgumentException("atlas: --latest reads each probe's newest result; drop --since/--until");
        }
        ParseStats s = latest ? client.latest(msmId, probeIds, print) : client.results(msmId, q, print);
        err().printf("# %d results, %d malformed skipped, %d of other types%n", s.parsed(), s.skipped(),
                s.unsupported());
        err().flush();
        return 0;
    }

    private static Optional<Instant> time(String t) {
        if (t == null) {
            return Optional.empty();
        }
        if (t.matches("\\d+")) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)));
        }
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("atlas: bad time '" + t + "': use ISO-8601 or epoch seconds", e);
        }
    }
}
