/**
 * The route-change loop as a production process: THE ordered list of its jobs ({@link net.nsglobal.te.engine.EngineJobs}:
 * learn, propose, apply, verify) on the platform's scheduler, beside the observatory's, and the bindings that put it
 * to work — on real BIRD routers ({@link net.nsglobal.te.engine.BirdChangeApplier}), real catchment measurements
 * ({@link net.nsglobal.te.engine.MeasuredExperimentRunner}) and the probes and pings of the latest round
 * ({@link net.nsglobal.te.engine.RoundVantage}), or on the simulated world's BIRD files
 * ({@link net.nsglobal.te.engine.BirdFilesApplier}).
 */
package net.nsglobal.te.engine;
