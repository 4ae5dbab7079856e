package net.nsglobal.te.store;

import java.time.Instant;

/**
 * One probe's ping of one site's unicast address: the minimum RTT of the replies in ms ({@code NaN} if every packet
 * was lost), packets sent and received. {@code dup} replies are not RTTs. Identity: {@code (msmId, probeId, time)}.
 */
public record PingSample(long msmId, int probeId, Instant time, String site, double minRttMs, int sent, int received) {}
