-- Operators: the people who run NS-Global and may see the operators' pages and API.
-- password_hash is an Argon2id PHC string ("$argon2id$v=19$m=...,t=...,p=...$salt$hash"); disabled_at set = the
-- operator can no longer log in, and its sessions and API tokens stop working at once (every lookup checks it).
create table operator (
    id            bigserial primary key,
    name          text not null unique,
    password_hash text not null,
    created_at    timestamptz not null default now(),
    disabled_at   timestamptz
);

-- A log-in session: only the SHA-256 of its random id is stored, so a database leak gives no usable cookie.
-- It ends at expires_at (absolute) or when it has not been used since last_seen_at + the idle timeout.
create table operator_session (
    id_hash       bytea primary key,
    operator_id   bigint not null references operator (id) on delete cascade,
    created_at    timestamptz not null,
    last_seen_at  timestamptz not null,
    expires_at    timestamptz not null
);
create index operator_session_operator on operator_session (operator_id);

-- An API token for the operators' API ("Authorization: Bearer ..."), made by the CLI and shown once; only its SHA-256
-- is stored. name is the operator's label for it (to revoke it); revoked_at set = refused from then on.
create table api_token (
    id            bigserial primary key,
    name          text not null unique,
    token_hash    bytea not null unique,
    operator_id   bigint not null references operator (id) on delete cascade,
    created_at    timestamptz not null default now(),
    revoked_at    timestamptz
);
