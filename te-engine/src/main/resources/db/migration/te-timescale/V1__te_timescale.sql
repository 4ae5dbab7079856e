-- te-engine's observatory store, the TimescaleDB path only: applied after db/migration/te when
-- pg_available_extensions lists timescaledb (see MeasurementStores). It converts the raw sample tables of that set
-- in place (migrate_data keeps rows a plain-path start already stored) and adds the roll-up and the policies.
-- Intervals here are the defaults; TimescaleMeasurementStore re-applies the configured ones at each start.
-- Written to TimescaleDB 2.13+ (by_range dimension builder; INSERT ... ON CONFLICT into compressed chunks).

CREATE EXTENSION IF NOT EXISTS timescaledb;

-- Hypertables partitioned by sample time, one chunk per day. The identity constraint includes ts, the
-- partitioning column, as hypertables require of every unique index.
SELECT create_hypertable('te_catchment', by_range('ts', INTERVAL '1 day'), migrate_data => true);
SELECT create_hypertable('te_ping', by_range('ts', INTERVAL '1 day'), migrate_data => true);

-- Roll-up: catchment answers per site per 5-minute time_bucket, a continuous aggregate. Only materialized rows are
-- read (as the plain path's table), refreshed by the policy below and by refreshRollups.
CREATE MATERIALIZED VIEW te_share_cagg
    WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT time_bucket(INTERVAL '5 minutes', ts) AS bucket, site, count(*) AS samples
FROM te_catchment
WHERE site IS NOT NULL
GROUP BY time_bucket(INTERVAL '5 minutes', ts), site
WITH NO DATA;

-- Re-materialize the last 3 days every 5 minutes: late uploads within that window reach the roll-up. The window
-- must stay shorter than raw retention, or a refresh would empty buckets whose raw rows were dropped.
SELECT add_continuous_aggregate_policy('te_share_cagg',
    start_offset => INTERVAL '3 days',
    end_offset => INTERVAL '5 minutes',
    schedule_interval => INTERVAL '5 minutes');

-- Compression: segment by measurement (every read of raw samples is per msm_id), order by the rest of the identity.
ALTER TABLE te_catchment SET (timescaledb.compress,
    timescaledb.compress_segmentby = 'msm_id',
    timescaledb.compress_orderby = 'prb_id, ts DESC');
ALTER TABLE te_ping SET (timescaledb.compress,
    timescaledb.compress_segmentby = 'msm_id',
    timescaledb.compress_orderby = 'prb_id, ts DESC');
SELECT add_compression_policy('te_catchment', compress_after => INTERVAL '7 days');
SELECT add_compression_policy('te_ping', compress_after => INTERVAL '7 days');

-- Retention: whole chunks of raw samples older than 90 days are dropped; the continuous aggregate keeps its rows.
SELECT add_retention_policy('te_catchment', drop_after => INTERVAL '90 days');
SELECT add_retention_policy('te_ping', drop_after => INTERVAL '90 days');
