package net.nsglobal.platform.sites;

/**
 * A community a neighbour documents as an instruction to itself (e.g. "prepend once towards all peers",
 * "do not announce to AS X"): what the TE engine may attach to steer traffic beyond the neighbour.
 */
public record ActionCommunity(Community community, String action) {}
