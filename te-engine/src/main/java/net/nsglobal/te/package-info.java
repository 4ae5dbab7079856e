/**
 * Traffic engineering: measurements → store → analysis → proposal → approval → BIRD → re-measurement.
 * One package per step, data flowing one way:
 * {@link net.nsglobal.te.measure} schedules measurements against an
 * {@code net.nsglobal.atlas.backend.MeasurementBackend} (RIPE Atlas, or the simulated world);
 * {@link net.nsglobal.te.store} keeps them (plain PostgreSQL is the tested default; TimescaleDB sits behind the same
 * interface); {@link net.nsglobal.te.analyze} turns them into catchment and latency per site;
 * {@link net.nsglobal.te.propose} derives BGP prepend/community changes for an operator to approve;
 * {@link net.nsglobal.te.apply} renders each site's BIRD config from {@code sites/} and applies it.
 * Beside the steps, {@link net.nsglobal.te.world} is the routing core of the simulated Internet: which site each AS
 * of CAIDA's AS graph reaches for a given set of announcements (the ground truth a what-if is predicted against).
 */
package net.nsglobal.te;
