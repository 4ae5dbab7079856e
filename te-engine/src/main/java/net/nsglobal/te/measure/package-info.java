/**
 * Measurement scheduling: the observatory's jobs on the platform's clustered Quartz scheduler, listed in their
 * data-flow order, with their schedules, in {@link net.nsglobal.te.measure.ObservatoryJobs}.
 * {@link net.nsglobal.te.measure.RoundJob} starts a round (catchment: CHAOS TXT hostname.bind with NSID to the anycast
 * address; the unicast latency oracle: a ping of every site's unicast address, from the same probes at the same
 * time); {@link net.nsglobal.te.measure.IngestJob} fetches results incrementally over overlapping windows (late uploads
 * are fetched, the store drops what it already holds); {@link net.nsglobal.te.measure.RollupJob} and
 * {@link net.nsglobal.te.measure.RetentionJob} keep the store's roll-ups fresh and its raw samples bounded.
 * {@link net.nsglobal.te.measure.ObservatoryService} is what the operator pages read (analyze.Observatory).
 * May use: atlas.backend/model/results/probes, platform.jobs/sites, te.config, te.store, te.analyze.
 */
package net.nsglobal.te.measure;
