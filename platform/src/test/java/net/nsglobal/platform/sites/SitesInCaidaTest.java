package net.nsglobal.platform.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every neighbour of every real site is a network that exists: its AS is in CAIDA's AS relationship graph of
 * 2023-02-01 and has an organisation in CAIDA's AS-to-organisation file of 2022-10-01 (both in ../shared/data/caida).
 *
 * <p>A transit or peer must be on a link of the graph. A route server does not put its AS into the paths it passes on
 * (RFC 7947 §2.2.2.1), so the graph seldom has links for it; CAIDA lists the route-server ASes it removed from paths
 * on the graph's {@code # IXP ASes:} line, and a route server must be there or on a link.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SitesInCaidaTest {
    static final Path CAIDA = net.nsglobal.testkit.SharedData.root().resolve("caida");
    static final Path GRAPH = CAIDA.resolve("20230201.as-rel.txt.bz2");
    static final Path ORGS = CAIDA.resolve("20221001.as-org2info.txt.gz");

    static Set<Long> linked;
    static Set<Long> ixpAses;
    static Map<Long, String> orgOfAs;
    static Map<String, String> orgName;

    @BeforeAll
    static void readCaida() throws Exception {
        assertThat(GRAPH).as("CAIDA AS graph").isRegularFile();
        assertThat(ORGS).as("CAIDA AS organisations").isRegularFile();
        linked = new HashSet<>();
        ixpAses = new HashSet<>();
        // The graph is bzip2; bzcat (Debian's bzip2 package) reads it without a new dependency.
        Process bzcat = new ProcessBuilder("bzcat", GRAPH.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(bzcat.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("# IXP ASes:")) {
                    for (String a : line.substring("# IXP ASes:".length()).trim().split("\\s+")) ixpAses.add(Long.parseLong(a));
                } else if (!line.startsWith("#")) {
                    // <provider-as>|<customer-as>|-1  or  <peer-as>|<peer-as>|0
                    String[] f = line.split("\\|");
                    linked.add(Long.parseLong(f[0]));
                    linked.add(Long.parseLong(f[1]));
                }
            }
        }
        assertThat(bzcat.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bzcat.exitValue()).as("bzcat exit status").isZero();
        orgOfAs = new HashMap<>();
        orgName = new HashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(ORGS));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#")) continue;
                String[] f = line.split("\\|", -1);
                if (f.length == 5) orgName.put(f[0], f[2]);                        // org_id|changed|org_name|country|source
                else if (f.length == 6) orgOfAs.put(Long.parseLong(f[0]), f[3]);  // aut|changed|aut_name|org_id|opaque_id|source
            }
        }
    }

    @Test
    void theGraphIsReadAndADocumentationAsIsNotInIt() {
        assertThat(linked).contains(174L, 1299L, 2914L).doesNotContain(64500L, 64511L);
        assertThat(ixpAses).contains(6695L, 8714L, 24115L).doesNotContain(64500L);
        assertThat(orgName.get(orgOfAs.get(6939L))).isEqualTo("Hurricane Electric LLC");
        assertThat(orgOfAs).doesNotContainKey(64511L);
    }

    @Test
    void everyNeighbourOfEverySiteIsInTheGraphWithAnOrganisation() throws IOException, SitesException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Site s : Sites.load(SitesTest.REAL).all()) {
            for (Neighbor n : s.neighbors()) {
                checked++;
                long as = n.peerAs();
                boolean inGraph = linked.contains(as) || (n.kind() == NeighborKind.ROUTE_SERVER && ixpAses.contains(as));
                if (!inGraph) missing.add(s.id() + " " + n.name() + ": AS" + as + " (" + n.kind() + ") is not in " + GRAPH.getFileName());
                String org = orgOfAs.get(as);
                if (org == null || !orgName.containsKey(org)) missing.add(s.id() + " " + n.name() + ": AS" + as + " has no organisation in " + ORGS.getFileName());
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(12);
        assertThat(missing).as("neighbours not found in CAIDA's data").isEmpty();
    }
}
