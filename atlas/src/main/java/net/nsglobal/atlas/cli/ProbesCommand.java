package net.nsglobal.atlas.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.atlas.api.AtlasClient;
import net.nsglobal.atlas.probes.ProbeQuery;
import net.nsglobal.atlas.results.ParseStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atlas probes}: list probes (all pages). */
@Command(name = "probes", mixinStandardHelpOptions = true, description = "List RIPE Atlas probes.")
final class ProbesCommand extends AtlasSubcommand {
    @Option(names = "--country", paramLabel = "CC", description = "ISO 3166 alpha-2 country code")
    String country;

    @Option(names = "--asn", paramLabel = "ASN", description = "IPv4 origin ASN")
    Integer asn;

    @Option(names = "--connected", description = "Only connected probes")
    boolean connected;

    @Option(names = "--tag", split = ",", paramLabel = "TAG",
            description = "Only probes with all these tags (slugs, e.g. system-ipv6-works)")
    List<String> tags = List.of();

    @Option(names = "--exclude-tag", split = ",", paramLabel = "TAG", description = "No probes with any of these tags")
    List<String> excludeTags = List.of();

    @Option(names = "--page-size", defaultValue = "500", description = "API page size, 1..500 (default: 500)")
    int pageSize;

    @Override
    int run(AtlasClient client) {
        ProbeQuery q = ProbeQuery.all().pageSize(pageSize);
        if (country != null) {
            q = q.country(country);
        }
        if (asn != null) {
            q = q.asn(asn);
        }
        if (connected) {
            q = q.connectedOnly();
        }
        q = q.withTags(tags).withoutTags(excludeTags);
        Output o = new Output(out(), common.format,
                List.of("id", "asn_v4", "asn_v6", "country", "lat", "lon", "status", "anchor", "tags"),
                7, 8, 8, 7, 9, 9, 14, 6);
        ParseStats s = client.probes(q, p -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", p.id());
            row.put("asn_v4", p.asnV4());
            row.put("asn_v6", p.asnV6());
            row.put("country", p.countryCode());
            row.put("lat", p.latitude());
            row.put("lon", p.longitude());
            row.put("status", p.status());
            row.put("anchor", p.anchor());
            row.put("tags", common.format == Output.Format.json ? p.tags() : String.join(",", p.tags()));
            o.row(row);
        });
        err().printf("# %d probes, %d malformed skipped%n", s.parsed(), s.skipped());
        err().flush();
        return 0;
    }
}
