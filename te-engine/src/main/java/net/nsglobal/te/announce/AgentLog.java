package net.nsglobal.te.announce;

import java.time.Instant;
import java.util.List;

/**
 * The site agents' reports as the control plane keeps them: each site's latest state and the history of its
 * transitions. Written through {@link AgentEvents}, read by the operator pages.
 */
public interface AgentLog extends AgentEvents {
    /** A site as its agent last reported it; {@code reported} is when the control plane heard it. */
    record Site(AgentState state, Instant reported) {}

    /** One stored transition of {@code site}. */
    record Entry(String site, AgentEvent event) {}

    /** Every site that ever reported, by site code. */
    List<Site> sites();

    /** The latest {@code limit} transitions of every site, newest first. */
    List<Entry> history(int limit);
}
