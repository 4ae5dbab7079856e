-- The last status check of each served zone, written by the status jobs and only read by pages and the API, so a
-- restart (or a page view) does not have to ask the primaries, the collector and the sites again.
create table zone_status (
    domain      text primary key references zone (domain) on delete cascade,
    result      text not null,        -- the ZoneStatus as JSON
    inputs      text not null,        -- fingerprint of the settings the check ran under (sites, allow-list, ...)
    checked_at  timestamptz not null
);
