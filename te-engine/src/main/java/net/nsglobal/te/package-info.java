/**
 * Traffic engineering: measurements → store → analysis → proposal → approval → BIRD → re-measurement.
 * One package per step, data flowing one way:
 * {@link net.nsglobal.te.measure} schedules measurements against an
 * {@code net.nsglobal.atlas.backend.MeasurementBackend} (RIPE Atlas, or the simulated world);
 * {@link net.nsglobal.te.store} keeps them (plain PostgreSQL is the tested default; TimescaleDB sits behind the same
 * interface); {@link net.nsglobal.te.analyze} turns them into catchment and latency per site;
 * {@link net.nsglobal.te.propose} derives BGP prepend/community changes for an operator to approve;
 * {@link net.nsglobal.te.apply} renders each site's BIRD config from {@code sites/} and applies it.
 */
package net.nsglobal.te;
