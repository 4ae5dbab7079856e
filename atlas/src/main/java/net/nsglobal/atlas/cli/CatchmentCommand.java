package net.nsglobal.atlas.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.nsglobal.atlas.api.AtlasClient;
import net.nsglobal.atlas.api.AtlasException;
import net.nsglobal.atlas.api.MeasurementInfo;
import net.nsglobal.atlas.model.DnsDefinition;
import net.nsglobal.atlas.model.MeasurementDefinition;
import net.nsglobal.atlas.model.MeasurementRequest;
import net.nsglobal.atlas.model.ProbeSelection;
import net.nsglobal.atlas.model.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atlas catchment}: a CHAOS TXT hostname.bind + NSID measurement against the anycast address; prints the
 * measurement id and the credits the API says it will cost (credits_per_result × probes, or per day for a periodic
 * one), never a price of our own.
 *
 * <p>Buying a measurement is the one step that must not be repeated by accident: the id is printed (and flushed) on
 * stdout as soon as the API returns it, before any follow-up request. If a follow-up fails, the error names the id
 * and how to go on from it ({@code --resume ID}, or {@code atlas results ID}); {@code --resume} never creates.
 *
 * <p>Probes: unless {@code --any-probe}, only probes RIPE tags as having working connectivity in the measured family
 * ({@code system-ipv4-works} / {@code system-ipv6-works}) are requested, as ripe-atlas-tools does, so that probes
 * that cannot reach the target do not cost credits for timeouts.
 */
@Command(name = "catchment", mixinStandardHelpOptions = true,
        description = "Create a catchment measurement (CHAOS TXT + NSID) and print its id and expected credits.")
final class CatchmentCommand extends AtlasSubcommand {
    static final String IPV4_WORKS = "system-ipv4-works";
    static final String IPV6_WORKS = "system-ipv6-works";

    @Option(names = "--target", paramLabel = "ADDR", description = "Anycast address to query (needed unless --resume)")
    String target;

    @Option(names = "--resume", paramLabel = "MSM",
            description = "Do not create: report on a measurement already created (after a failed follow-up)")
    Long resume;

    @Option(names = "--probes", defaultValue = "area:WW:500", paramLabel = "TYPE:VALUE:N", split = ";",
            description = "Probe selection(s), e.g. area:WW:500, region:western_europe:50, countries:NL,DE:50, "
                    + "asn:3333:10, prefix:2001:db8::/32:10; several separated by ';' (default: ${DEFAULT-VALUE})")
    List<String> probes;

    @Option(names = "--query", defaultValue = "hostname.bind", description = "CHAOS TXT name (default: ${DEFAULT-VALUE})")
    String query;

    @Option(names = "--tcp", description = "Query over TCP instead of UDP")
    boolean tcp;

    @Option(names = {"--tag", "--tags-include"}, split = ",", paramLabel = "TAG",
            description = "Only probes with all these tags (slugs)")
    List<String> tagsInclude = List.of();

    @Option(names = {"--exclude-tag", "--tags-exclude"}, split = ",", paramLabel = "TAG",
            description = "No probes with any of these tags (slugs)")
    List<String> tagsExclude = List.of();

    @Option(names = "--any-probe",
            description = "Do not require the system-ipv4-works / system-ipv6-works tag of the measured family")
    boolean anyProbe;

    @Option(names = "--interval", paramLabel = "DURATION",
            description = "Repeat every DURATION (>= 60s; needs --duration or --stop); default: one-off")
    String interval;

    @Option(names = "--duration", paramLabel = "DURATION", description = "With --interval: run for this long, e.g. 6h")
    String duration;

    @Option(names = "--stop", paramLabel = "TIME", description = "With --interval: stop at this ISO-8601 instant")
    String stop;

    @Override
    int run(AtlasClient client) {
        List<Long> ids;
        if (resume != null) {
            if (target != null) {
                throw new IllegalArgumentException("atlas: --resume reports on an existing measurement; drop --target");
            }
            ids = List.of(resume);
        } else {
            if (target == null) {
                throw new IllegalArgumentException("atlas: catchment needs --target ADDR (or --resume MSM)");
            }
            MeasurementRequest request = request(); // every local check before anything is bought
            ids = client.create(request);
            for (long id : ids) {
                if (common.format == Output.Format.json) {
                    out().println("{\"created\":" + id + "}");
                } else {
                    out().println("created measurement " + id);
                }
            }
            out().flush();
        }
        return report(client, ids);
    }

    private int report(AtlasClient client, List<Long> ids) {
        Output o = new Output(out(), common.format,
                List.of("msm_id", "target", "probes_requested", "credits_per_result", "expected_credits",
                        "expected_credits_per_day"), 10, 20, 17, 19, 17);
        for (long id : ids) {
            MeasurementInfo info;
            try {
                info = client.measurement(id);
            } catch (AtlasException e) {
                String list = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
                err().println(e.getMessage());
                err().println("atlas: measurement " + list + (resume == null ? " was created" : " exists")
                        + ", but reading it back failed. Do not run catchment again (that buys another "
                        + "measurement); resume with: nsglobal atlas catchment --resume " + id
                        + " (or read its results: nsglobal atlas results " + id + ")");
                err().flush();
                return 1;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("msm_id", id);
            row.put("target", info.target() != null ? info.target() : target);
            row.put("probes_requested", info.probesRequested() != null ? info.probesRequested() : requested());
            row.put("credits_per_result", info.creditsPerResult());
            row.put("expected_credits", info.oneOff() ? info.expectedCreditsOneOff() : null);
            row.put("expected_credits_per_day", info.oneOff() ? null : info.expectedCreditsPerDay());
            o.row(row);
            if (info.creditsPerResult() == null) {
                err().println("# the API did not report credits_per_result for " + id + ": cost unknown");
            }
        }
        err().flush();
        return 0;
    }

    private Integer requested() {
        return resume != null ? null : selections().stream().mapToInt(ProbeSelection::requested).sum();
    }

    MeasurementRequest request() {
        int af = target.contains(":") ? 6 : 4;
        DnsDefinition d = DnsDefinition.catchment(target, af);
        d = new DnsDefinition(d.af(), d.target(), d.description(), d.queryClass(), d.queryType(), query,
                d.setNsidBit(), d.useProbeResolver(), tcp ? DnsDefinition.Protocol.TCP : DnsDefinition.Protocol.UDP,
                d.udpPayloadSize(), d.includeAbuf(), d.setRdBit());
        LinkedHashSet<String> include = new LinkedHashSet<>(tagsInclude);
        if (!anyProbe) {
            include.add(af == 6 ? IPV6_WORKS : IPV4_WORKS);
        }
        List<ProbeSelection> sel = new ArrayList<>();
        for (ProbeSelection s : selections()) {
            sel.add(s.withTags(List.copyOf(include), tagsExclude));
        }
        return new MeasurementRequest(List.<MeasurementDefinition>of(d), sel, schedule(), Optional.empty());
    }

    private List<ProbeSelection> selections() {
        return probes.stream().map(ProbeSelection::parse).toList();
    }

    private Schedule schedule() {
        if (interval == null) {
            if (duration != null || stop != null) {
                throw new IllegalArgumentException("atlas: --duration/--stop need --interval (a one-off stops itself)");
            }
            return Schedule.oneOff();
        }
        Duration every = Durations.parse("--interval", interval);
        if (duration != null && stop != null) {
            throw new IllegalArgumentException("atlas: give --duration or --stop, not both");
        }
        Instant end = null;
        if (duration != null) {
            end = Instant.now().plus(Durations.parse("--duration", duration));
        } else if (stop != null) {
            try {
                end = Instant.parse(stop);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("atlas: bad --stop '" + stop + "': use an ISO-8601 instant", e);
            }
            if (!end.isAfter(Instant.now())) {
                throw new IllegalArgumentException("atlas: --stop " + stop + " is in the past");
            }
        }
        return Schedule.periodic(every, null, end); // refuses a periodic measurement without a stop
    }
}
