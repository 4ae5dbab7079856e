package net.nsglobal.te.analyze;

import java.time.Instant;

/** A scheduled job as operators see it: name, schedule in words, paused or not, next and last run, last outcome. */
public record JobState(String name, String schedule, boolean paused, Instant nextRun, Instant lastRun, String lastOutcome) {}
