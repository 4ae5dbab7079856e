package net.nsglobal.te.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.testkit.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Credibility against reality: the shipped worlds of Cloudflare's 2015 and Google Public DNS's 2017 anycast
 * (te-engine/worlds/), on CAIDA's 2023 AS graph, predict the site each real RIPE Atlas probe reached; the figures
 * (docs/te-world.md) are asserted exactly, the model's and the nearest-site baseline's, so any change to routing,
 * the exit choice or the worlds shows here: model 74 of 119 (Cloudflare) and 2,025 of 3,040 (Google), nearest site
 * 79 and 2,059. The worlds have 1,504 and 1,293 live sessions, so the routing's tie sets span many words; with the
 * hot-potato choice off (the first session by site id for every tie) the model gets 14 and 72.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class AnycastAgreementTest {
    static AsGraph graph;

    @BeforeAll
    static void load() throws Exception {
        graph = AsGraph.load(SharedData.file("caida/20230201.as-rel.txt.bz2"));
    }

    @Test
    void cloudflare2015() throws Exception {
        List<AnycastAgreement.Observed> obs = AnycastAgreement.cloudflare(
                SharedData.file("anycast/cloudflare_ns_173.245.58.117_idserver_msm1768147_part1.jsonl.gz"));
        SimulatedWorld w = SimulatedWorld.of(Sites.load(Path.of("worlds/cloudflare-2015")).all(), graph,
                obs.stream().map(AnycastAgreement.Observed::probe).toList(), Set.of());
        AnycastAgreement.Result r = AnycastAgreement.compare(w, obs);
        System.out.print("cloudflare-2015: " + r);
        assertThat(r.probes()).isEqualTo(119);
        assertThat(r.nearest()).as("nearest-site baseline").isEqualTo(79);
        assertThat(r.model()).as("model").isEqualTo(74);
        double[] rtt = AnycastAgreement.rttError(w, obs, net.nsglobal.te.world.rtt.RttModel.fitted());
        System.out.printf(java.util.Locale.ROOT, "cloudflare-2015 RTT: %d probes, median |model - measured| %.1f ms (%.1f%%), median model - measured %.1f ms%n",
                (int) rtt[3], rtt[0], 100 * rtt[1], rtt[2]);
        assertThat(rtt[3]).isEqualTo(119);
        assertThat(rtt[1]).as("median relative RTT error (docs/te-world.md: 55.4%)").isLessThan(0.555);
    }

    @Test
    void googlePublicDns2017() throws Exception {
        List<AnycastAgreement.Observed> obs = AnycastAgreement.google(
                SharedData.file("anycast/google_public_dns_8.8.8.8_site_whoami_2017-06.decoded.tsv"),
                Probes.read(SharedData.file("probes/ripe_atlas_probes_2023-04_connected.jsonl.gz")));
        SimulatedWorld w = SimulatedWorld.of(Sites.load(Path.of("worlds/google-public-dns-2017")).all(), graph,
                obs.stream().map(AnycastAgreement.Observed::probe).toList(), Set.of());
        AnycastAgreement.Result r = AnycastAgreement.compare(w, obs);
        System.out.print("google-public-dns-2017: " + r);
        assertThat(r.probes()).isEqualTo(3040);
        assertThat(r.nearest()).as("nearest-site baseline").isEqualTo(2059);
        assertThat(r.model()).as("model").isEqualTo(2025);
    }
}
