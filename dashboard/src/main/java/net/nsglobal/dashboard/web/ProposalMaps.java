package net.nsglobal.dashboard.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.nsglobal.te.analyze.CatchmentSnapshot;
import net.nsglobal.te.analyze.Observatory;
import net.nsglobal.te.analyze.ProbeRound;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalStore.ProbeSites;

/**
 * A proposal's catchment maps: the same probes drawn three times, coloured by the site they reached in the proposal's
 * basis round ({@code before}), by the site the prediction puts them at ({@code predicted}) and, once verified, by the
 * site that answered them after the change ({@code measured}). A probe whose site differs from {@code before} is
 * drawn ringed, as a flipped probe is on the observatory's map; its hover text names the site only. Probes are placed where the observatory's latest
 * round has them (rounds reuse their probes); one the latest round does not know is left out and the map's title
 * counts only the probes drawn.
 */
final class ProposalMaps {
    /** Which of a proposal's catchments to draw. */
    enum Which {
        BEFORE, PREDICTED, MEASURED;

        static Which parse(String s) {
            for (Which w : values()) if (w.name().equalsIgnoreCase(s)) return w;
            throw new Halt(404, "No such map", "A proposal's maps are before, predicted and measured, not '" + s + "'.");
        }
    }

    private final Optional<Observatory> observatory;
    private final MapSvg map;

    /** @param map null when there is no observatory (then the pages show no maps) */
    ProposalMaps(Optional<Observatory> observatory, MapSvg map) {
        this.observatory = observatory;
        this.map = map;
    }

    boolean available() {
        return observatory.isPresent() && map != null;
    }

    String render(Proposal proposal, List<ProbeSites> probes, Which which) {
        if (!available()) {
            throw new Halt(503, "No observatory configured", "The proposal maps place probes where the observatory "
                    + "measured them; this NS-Global runs without one.");
        }
        if (which == Which.MEASURED && proposal.verification().isEmpty()) {
            throw new Halt(404, "Not measured yet", "Proposal #" + proposal.id() + " has no measured catchment until "
                    + "it is verified.");
        }
        Observatory o = observatory.get();
        Map<Integer, ProbeRound> located = new HashMap<>();
        o.latest().map(CatchmentSnapshot::probes).orElse(List.of()).forEach(p -> located.put(p.probeId(), p));
        List<ProbeRound> drawn = new java.util.ArrayList<>();
        Map<String, Double> share = new HashMap<>();
        int answered = 0;
        for (ProbeSites ps : probes) {
            ProbeRound at = located.get(ps.probeId());
            if (at == null) continue;
            String site = switch (which) {
                case BEFORE -> ps.beforeSite();
                case PREDICTED -> ps.predictedSite();
                case MEASURED -> ps.measuredSite();
            };
            boolean moved = which != Which.BEFORE && site != null && !site.equals(ps.beforeSite());
            // Only the place comes from the latest round: its RTTs belong to that round, not to this map's.
            drawn.add(new ProbeRound(at.probeId(), at.asn(), at.country(), at.region(), at.lat(), at.lon(), site,
                    Double.NaN, null, Double.NaN, Double.NaN, false, false, moved));
            if (site != null) {
                share.merge(site, 1.0, Double::sum);
                answered++;
            }
        }
        if (answered > 0) {
            int n = answered;
            share.replaceAll((k, v) -> v / n);
        }
        return map.render(drawn, o.sites(), share, new Palette(o.sites()));
    }
}
