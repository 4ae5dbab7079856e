package net.nsglobal.te.propose;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.platform.sites.ActionCommunity;
import net.nsglobal.platform.sites.CommunityAction;
import net.nsglobal.platform.sites.Community;
import net.nsglobal.platform.sites.Neighbor;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.apply.Knobs;

/**
 * Session experiments: what one session's knobs do, for the site whose catchment is most anomalous.
 *
 * <p>A catchment measurement names the site, never the session a probe came in on, so the site-level schedule
 * ({@link Experiments}) cannot tell a site's sessions apart. Where that matters is a site that draws probes from far
 * away — typically through one well-connected neighbour whose peers take its customer route over their providers'
 * (Gao-Rexford: a peer route beats a provider route whatever the path length, so no prepend moves them). Such a
 * site is found in the passive catchment: a probe is <em>far</em> when its unicast RTT to the site it reaches exceeds
 * its least unicast RTT (the oracle) by more than {@value #FAR_MS} ms and by more than the oracle itself; the site
 * with the most far probes — at least {@value #MIN_FAR} and 1% of the answering probes — gets one experiment per
 * lever, all else as in the baseline: each session of the measured address family withdrawn (if the site has two or
 * more, so it keeps announcing), the same session alone prepended {@value #SESSION_PREPEND} (AnyPro's per-neighbour
 * sweep at its strongest setting: a probe whose route comes in on that session and that has an equally short one
 * elsewhere leaves; if two or more sessions), and each no-export action community its neighbours document attached
 * to its session. Each experiment records where every probe went ({@link Outcome}); the {@link Predictor} replays it.
 *
 * <p>The levers of one site are tried, not every site's: nrt1 in the demo's fleet has NTT (one no-export community)
 * and Hurricane Electric on IPv4, so five experiments (two withdrawals, two prepends, one community); a fleet without an anomalous site gets none.
 */
final class SessionExperiments {
    static final double FAR_MS = 50;
    static final int MIN_FAR = 20;
    /** The per-session prepend the experiments learn; shallower ones would each cost one more experiment per session. */
    static final int SESSION_PREPEND = 3;

    private SessionExperiments() {}

    /** One session experiment: the change and, per probe index, the index of the site measured (−1 none). */
    record Outcome(SessionChange change, int[] site) {}

    /** Far probes per site in {@code passive} (index as in {@code rtt.sites()}). */
    static int[] far(List<Probe> probes, Map<Integer, String> passive, UnicastRtt rtt) {
        List<String> ids = rtt.sites();
        int[] far = new int[ids.size()];
        for (int p = 0; p < probes.size(); p++) {
            String at = passive.get(probes.get(p).id());
            int s = at == null ? -1 : ids.indexOf(at);
            if (s < 0) continue;
            double oracle = rtt.oracleMs(p), ms = rtt.ms(p, s);
            if (!Double.isNaN(oracle) && !Double.isNaN(ms) && ms - oracle > Math.max(FAR_MS, oracle)) far[s]++;
        }
        return far;
    }

    /** The levers of the most anomalous site that has any (see the class comment); empty if none qualifies. */
    static List<SessionChange> levers(List<Site> sites, Map<String, Knobs> base, List<Probe> probes,
                                      Map<Integer, String> passive, UnicastRtt rtt, boolean v6) {
        List<String> ids = rtt.sites();
        int[] far = far(probes, passive, rtt);
        int need = Math.max(MIN_FAR, passive.size() / 100);
        List<Site> ranked = sites.stream().filter(s -> ids.contains(s.id()) && far[ids.indexOf(s.id())] >= need)
                .sorted(Comparator.comparingInt((Site s) -> far[ids.indexOf(s.id())]).reversed().thenComparing(Site::id))
                .toList();
        for (Site s : ranked) {
            List<SessionChange> out = levers(s, base.get(s.id()), v6);
            if (!out.isEmpty()) return out;
        }
        return List.of();
    }

    static List<SessionChange> levers(Site site, Knobs base, boolean v6) {
        List<Neighbor> family = site.neighbors().stream().filter(n -> n.ipv6() == v6).toList();
        List<SessionChange> out = new ArrayList<>();
        for (Neighbor n : family) {
            List<Community> own = base.session(n.name()).communities();
            if (family.size() >= 2) {
                out.add(new SessionChange(site.id(), n.name(), n.peerAs(), false, own,
                        "stops announcing to AS" + n.peerAs() + " (session " + n.name() + ")"));
                out.add(new SessionChange(site.id(), n.name(), n.peerAs(), true, own, SESSION_PREPEND,
                        "prepends " + SESSION_PREPEND + "× towards AS" + n.peerAs() + " (session " + n.name() + ")"));
            }
            for (ActionCommunity ac : n.actionCommunities()) {
                if (ac.action() != CommunityAction.NO_EXPORT_TO_PEERS && ac.action() != CommunityAction.NO_EXPORT_TO_REGION) continue;
                if (own.contains(ac.community())) continue;
                List<Community> with = new ArrayList<>(own);
                with.add(ac.community());
                out.add(new SessionChange(site.id(), n.name(), n.peerAs(), true, with, "attaches " + ac.community() + " ("
                        + ac.action() + ac.region().map(r -> " " + r).orElse("") + ") on its session to AS" + n.peerAs()
                        + " (" + n.name() + ")"));
            }
        }
        return out;
    }

    /** Runs one experiment per lever from {@code baseline}. */
    static List<Outcome> run(ExperimentRunner runner, List<SessionChange> levers, Layout baseline, Map<String, Knobs> base,
                             List<Probe> probes, List<String> ids) throws IOException {
        List<Outcome> out = new ArrayList<>();
        for (SessionChange c : levers) {
            Map<Integer, String> measured = runner.catchment(c.on(baseline).knobs(base));
            int[] site = new int[probes.size()];
            for (int p = 0; p < site.length; p++) {
                String s = measured.get(probes.get(p).id());
                site[p] = s == null ? -1 : ids.indexOf(s);
            }
            out.add(new Outcome(c, site));
        }
        return out;
    }
}
