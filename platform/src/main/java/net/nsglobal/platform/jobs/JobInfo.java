package net.nsglobal.platform.jobs;

import java.time.Instant;

/**
 * One registered job as operators see it: its schedule in words, whether its schedule is paused, when the schedule
 * next runs it ({@code null} while paused, or while a fixed-delay job runs), when its last run started ({@code null}
 * if never, on any node of the cluster) and how that run ended ("ok in 12 ms", "failed: …", "interrupted";
 * {@code null} if never).
 */
public record JobInfo(String name, String schedule, boolean paused, Instant nextRun, Instant lastRun, String lastOutcome) {}
