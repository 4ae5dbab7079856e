/**
 * Analysis: catchment per site, RTT against the unicast oracle, and what-if predictions (AnyOpt/AnyPro style).
 *
 * <p>A round's snapshot ({@link net.nsglobal.te.analyze.Analysis#of}, rules in
 * {@link net.nsglobal.te.analyze.RoundAnalysis}): per probe the site reached and the anycast RTT, the oracle (least
 * unicast RTT over the sites, {@link net.nsglobal.te.analyze.Oracle#unicast}), the inflation, whether it is at the
 * optimal site (within max(5 ms, 10%) of the oracle), polarized (its site on another continent,
 * {@link net.nsglobal.te.analyze.Regions}) and flipped (another site than in the round before); summaries per
 * continent, country and AS with nearest-rank percentiles ({@link net.nsglobal.te.analyze.Percentiles}); the
 * polarized networks ranked by probes, then inflation. Probes without an answer keep a row but no figures; their
 * record is {@link net.nsglobal.te.analyze.Analysis#health}. Where no unicast pings exist,
 * {@link net.nsglobal.te.analyze.SpeedOfLight} bounds the oracle from below by distance.
 */
package net.nsglobal.te.analyze;
