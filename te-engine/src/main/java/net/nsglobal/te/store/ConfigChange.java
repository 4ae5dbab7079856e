package net.nsglobal.te.store;

import java.time.Instant;

/** A change of a site's announcement (BIRD configuration) at a time, as the charts mark it. */
public record ConfigChange(Instant time, String site, String summary) {}
