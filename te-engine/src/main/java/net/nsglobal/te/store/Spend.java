package net.nsglobal.te.store;

import java.time.Instant;

/** Credits a job spent on one measurement ({@code 0} on the simulated backend). */
public record Spend(String job, long msmId, Instant time, double credits) {}
