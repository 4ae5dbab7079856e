/**
 * Measurement storage behind one interface, {@link net.nsglobal.te.store.MeasurementStore}: plain PostgreSQL
 * (default, the embedded database; tested) or TimescaleDB hypertables (compiled, not runnable here).
 * {@link net.nsglobal.te.store.MeasurementStores#open} picks the path from {@code pg_available_extensions} and
 * {@code shared_preload_libraries} (or {@link net.nsglobal.te.store.StoreSettings.Path}), logs
 * "te store: path=…", and applies db/migration/te, plus db/migration/te-timescale on the TimescaleDB path only.
 *
 * <ul>
 * <li>Ingestion ({@code Ingest}, {@link net.nsglobal.te.store.CopyBinary}): binary COPY into a temporary staging
 *     table, then {@code INSERT … SELECT … ON CONFLICT (msm_id, prb_id, ts) DO NOTHING}; returns the new rows, so
 *     overlapping fetch windows and late uploads are stored exactly once.
 * <li>Roll-ups: catchment answers per site per 5-minute bucket; plain path: the table {@code te_share} recomputed
 *     for a window by {@code refreshRollups} (date_bin), never below what retention deleted; TimescaleDB: the
 *     continuous aggregate {@code te_share_cagg} (time_bucket) with a refresh policy. {@code shareOverTime} re-bins
 *     either into any multiple of 5 minutes.
 * <li>Retention: plain path {@code DELETE} of raw rows older than a time (roll-ups stay); TimescaleDB retention and
 *     compression policies. {@link net.nsglobal.te.store.MeasurementStores#maintain} is one pass of the periodic
 *     job (refresh, then retention) with {@link net.nsglobal.te.store.StoreSettings}.
 * </ul>
 * May use: platform.db (the database, Flyway per module), PgJDBC's CopyManager, Jdbi. Used by: measure (ingest,
 * rounds, spend), analyze and the pages (through analyze.Observatory).
 */
package net.nsglobal.te.store;
