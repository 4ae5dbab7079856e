package net.nsglobal.atlas.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.atlas.api.AtlasClient;
import net.nsglobal.atlas.api.MeasurementInfo;
import net.nsglobal.atlas.model.DnsDefinition;
import net.nsglobal.atlas.model.MeasurementDefinition;
import net.nsglobal.atlas.model.MeasurementRequest;
import net.nsglobal.atlas.model.ProbeSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atlas catchment}: one-off CHAOS TXT hostname.bind + NSID measurement against the anycast address; prints
 * the measurement id and the credits the API says it will cost (credits_per_result × probes), never a price of
 * our own.
 */
@Command(name = "catchment", mixinStandardHelpOptions = true,
        description = "Create a catchment measurement (CHAOS TXT + NSID) and print its id and expected credits.")
final class CatchmentCommand extends AtlasSubcommand {
    @Option(names = "--target", required = true, paramLabel = "ADDR", description = "Anycast address to query")
    String target;

    @Option(names = "--probes", defaultValue = "area:WW:500", paramLabel = "TYPE:VALUE:N",
            description = "Probe selection, e.g. area:WW:500, country:NL:50, asn:3333:10 (default: ${DEFAULT-VALUE})")
    String probes;

    @Option(names = "--query", defaultValue = "hostname.bind", description = "CHAOS TXT name (default: ${DEFAULT-VALUE})")
    String query;

    @Option(names = "--tcp", description = "Query over TCP instead of UDP")
    boolean tcp;

    @Option(names = "--tags-include", split = ",", paramLabel = "TAG", description = "Only probes with these tags")
    List<String> tagsInclude = List.of();

    @Option(names = "--tags-exclude", split = ",", paramLabel = "TAG", description = "No probes with these tags")
    List<String> tagsExclude = List.of();

    @Override
    int run(AtlasClient client) {
        int af = target.contains(":") ? 6 : 4;
        DnsDefinition d = DnsDefinition.catchment(target, af);
        d = new DnsDefinition(d.af(), d.target(), d.description(), d.queryClass(), d.queryType(), query,
                d.setNsidBit(), d.useProbeResolver(), tcp ? DnsDefinition.Protocol.TCP : DnsDefinition.Protocol.UDP,
                d.udpPayloadSize(), d.includeAbuf(), d.setRdBit());
        ProbeSelection sel = ProbeSelection.parse(probes).withTags(tagsInclude, tagsExclude);
        List<Long> ids = client.create(MeasurementRequest.oneOff(List.<MeasurementDefinition>of(d), sel));
        Output o = new Output(out(), common.format,
                List.of("msm_id", "target", "probes_requested", "credits_per_result", "expected_credits"),
                10, 20, 17, 19);
        for (long id : ids) {
            MeasurementInfo info = client.measurement(id);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("msm_id", id);
            row.put("target", target);
            row.put("probes_requested", info.probesRequested() != null ? info.probesRequested() : sel.requested());
            row.put("credits_per_result", info.creditsPerResult());
            row.put("expected_credits", info.expectedCreditsOneOff());
            o.row(row);
            if (info.creditsPerResult() == null) {
                err().println("# the API did not report credits_per_result for " + id + ": cost unknown");
            }
        }
        err().flush();
        return 0;
    }
}
