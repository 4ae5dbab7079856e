-- te-engine's observatory store, the plain PostgreSQL path (also the base the TimescaleDB path converts; its own
-- DDL is db/migration/te-timescale, applied after this set and only there).

-- Vantage points (RIPE Atlas probes): one row per probe, upserted from the probe list.
CREATE TABLE te_probe (
    prb_id     integer PRIMARY KEY,
    asn        bigint,
    country    text,
    lat        double precision NOT NULL,
    lon        double precision NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- A round: one catchment measurement and one ping measurement per site, from the same probes.
CREATE TABLE te_round (
    id            bigserial PRIMARY KEY,
    started       timestamptz NOT NULL,
    backend       text NOT NULL,
    catchment_msm bigint NOT NULL
);
CREATE INDEX te_round_started ON te_round (started);

CREATE TABLE te_round_ping (
    round_id bigint NOT NULL REFERENCES te_round (id),
    site     text NOT NULL,
    msm_id   bigint NOT NULL,
    PRIMARY KEY (round_id, site)
);

-- Raw catchment samples. ts is the result's "timestamp". Identity (msm_id, prb_id, ts): ingestion inserts with
-- ON CONFLICT DO NOTHING on it, so overlapping fetch windows store a result once. rtt_ms NULL = no answer.
-- BRIN on ts: rows arrive roughly in time order, and the roll-up refresh and retention scan by time ranges.
CREATE TABLE te_catchment (
    msm_id bigint NOT NULL,
    prb_id integer NOT NULL,
    ts     timestamptz NOT NULL,
    site   text,
    rtt_ms double precision,
    error  text,
    CONSTRAINT te_catchment_identity UNIQUE (msm_id, prb_id, ts)
);
CREATE INDEX te_catchment_ts_brin ON te_catchment USING brin (ts);

-- Raw ping samples, same identity. min_rtt_ms NULL = every packet lost.
CREATE TABLE te_ping (
    msm_id     bigint NOT NULL,
    prb_id     integer NOT NULL,
    ts         timestamptz NOT NULL,
    site       text,
    min_rtt_ms double precision,
    sent       integer NOT NULL,
    received   integer NOT NULL,
    CONSTRAINT te_ping_identity UNIQUE (msm_id, prb_id, ts)
);
CREATE INDEX te_ping_ts_brin ON te_ping USING brin (ts);

-- Roll-up (plain path): catchment answers per site per 5-minute bucket (date_bin, origin 2000-01-01 UTC),
-- recomputed for a window by refreshRollups. Kept after retention deletes the raw rows it was made from.
CREATE TABLE te_share (
    bucket  timestamptz NOT NULL,
    site    text NOT NULL,
    samples bigint NOT NULL,
    PRIMARY KEY (bucket, site)
);

-- Where retention has deleted raw samples up to (plain path): a refresh must never recompute buckets below it
-- from raw rows that are gone. One row.
CREATE TABLE te_store_state (
    one             boolean PRIMARY KEY DEFAULT true CHECK (one),
    raw_deleted_before timestamptz
);
INSERT INTO te_store_state (one, raw_deleted_before) VALUES (true, NULL);

-- A site's announcement changed (BIRD configuration applied), for the charts.
CREATE TABLE te_config_change (
    id      bigserial PRIMARY KEY,
    time    timestamptz NOT NULL,
    site    text NOT NULL,
    summary text NOT NULL
);
CREATE INDEX te_config_change_time ON te_config_change (time);

-- Credits spent per job and measurement.
CREATE TABLE te_spend (
    id      bigserial PRIMARY KEY,
    job     text NOT NULL,
    msm_id  bigint NOT NULL,
    time    timestamptz NOT NULL,
    credits double precision NOT NULL
);
CREATE INDEX te_spend_time ON te_spend (time);
