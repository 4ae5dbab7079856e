-- Zones we are secondary for: the source of the collector's input catalog (RFC 9432).
create table zone (
    domain          text primary key,
    catalog_id      text not null unique,          -- RFC 9432 §4.1 unique-id label of the member
    primaries       text not null,                 -- comma-separated ADDR:PORT / [V6]:PORT
    tsig_name       text,
    tsig_algorithm  text,
    tsig_secret     text,
    rname_mailbox   text not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

-- A sign-up, change or removal waiting for its confirmation link (token stored only as its SHA-256).
create table pending_request (
    id              bigserial primary key,
    kind            text not null check (kind in ('SIGNUP', 'CHANGE', 'DELETE')),
    domain          text not null,
    primaries       text,
    tsig_name       text,
    tsig_algorithm  text,
    tsig_secret     text,
    mailbox         text not null,
    token_hash      bytea not null unique,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    confirmed_at    timestamptz
);
create index pending_request_domain on pending_request (domain);

-- What the status checks saw (serials, last transfer, last error) so the status page survives restarts.
create table zone_observation (
    domain              text primary key references zone (domain) on delete cascade,
    checked_at          timestamptz not null,
    primary_serial      bigint,
    collector_serial    bigint,
    last_transfer_at    timestamptz,
    last_error          text,
    last_error_fix      text,
    last_error_at       timestamptz
);

-- Monotonic serial of the catalog zone (RFC 1982 arithmetic applies; we only ever increment).
create table catalog_state (
    id      int primary key check (id = 1),
    serial  bigint not null
);
insert into catalog_state (id, serial) values (1, 1);
