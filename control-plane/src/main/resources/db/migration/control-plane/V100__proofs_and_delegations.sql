-- How a pending request proves ownership (absent row = the RNAME of the request's own domain, as before):
--   method 'rname'        mail to the RNAME of proof_zone's public SOA (proof_zone = the domain itself)
--   method 'parent-rname' mail to the RNAME of the parent zone's public SOA (removal of a child by its parent's owner)
--   method 'txt'          a TXT record _nsglobal-challenge.<domain> holding the token's SHA-256, looked up publicly
-- soa_note: why the primary's SOA disagreed with the public one at request time (shown on the confirm page).
create table request_proof (
    request_id  bigint primary key references pending_request (id) on delete cascade,
    method      text not null check (method in ('rname', 'parent-rname', 'txt')),
    proof_zone  text not null,
    soa_note    text
);

-- The last delegation check of a served zone: does its parent zone still delegate to it?
create table delegation_check (
    domain      text primary key references zone (domain) on delete cascade,
    parent      text,
    delegated   boolean not null,
    detail      text not null,
    checked_at  timestamptz not null,
    since       timestamptz not null       -- when this verdict was first seen
);
