package net.nsglobal.platform.sites;

import java.util.Optional;

/**
 * A community a neighbour documents as an instruction to itself (e.g. 2914:421, "prepend once towards all peers"):
 * what the TE engine may attach to steer traffic beyond the neighbour.
 *
 * @param region the region of a {@link CommunityAction#NO_EXPORT_TO_REGION}; empty for every other action
 */
public record ActionCommunity(Community community, CommunityAction action, Optional<Region> region) {
    public ActionCommunity {
        if ((action == CommunityAction.NO_EXPORT_TO_REGION) != region.isPresent()) {
            throw new IllegalArgumentException("a region goes with no-export-to-region and nothing else: " + action + " " + region);
        }
    }
}
