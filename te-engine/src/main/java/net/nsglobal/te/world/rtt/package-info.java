/**
 * The simulated Internet's round-trip times: {@link net.nsglobal.te.world.rtt.RttModel} (great-circle distance at
 * fibre speed times a path stretch, plus access latency at both ends, plus seeded noise), its fitted constants
 * ({@link net.nsglobal.te.world.rtt.FittedConstants}) and the procedure that fits them against RIPE Atlas's
 * country-pair RTT statistics ({@link net.nsglobal.te.world.rtt.Calibration}; docs/te-world.md).
 * May use: java.base, atlas.probes (the calibration places each country by its probes). Used by: te-engine's world.
 */
package net.nsglobal.te.world.rtt;
