-- The site agents' reports (net.nsglobal.te.announce.PostgresAgentLog): each site's announcement state as its agent
-- last said, and every announce, drain and withdraw. States and transitions: net.nsglobal.te.announce.SiteAgent.

-- One row per site: the latest report wins (an older one arriving late, e.g. retried, changes nothing).
CREATE TABLE te_agent_site (
    site            text PRIMARY KEY,
    state           text NOT NULL CHECK (state IN ('ANNOUNCED', 'DRAINING', 'WITHDRAWN')),
    since           timestamptz NOT NULL,  -- when the agent entered the state
    reason          text NOT NULL,
    drain           boolean NOT NULL,      -- maintenance requested at the site
    healthy_in_a_row integer NOT NULL,
    failed_in_a_row integer NOT NULL,
    rise            integer NOT NULL,
    fall            integer NOT NULL,
    last_checks     jsonb NOT NULL,        -- [{"check","healthy","detail"}] of the last round
    last_check      timestamptz,           -- when that round ran (null before the first)
    applied         boolean NOT NULL,      -- BIRD took the state file
    apply_error     text,
    reported        timestamptz NOT NULL   -- when the control plane last heard from the agent
);

-- Every transition, once: a retried report of the same transition is the same row.
CREATE TABLE te_agent_event (
    id          bigserial PRIMARY KEY,
    site        text NOT NULL,
    at          timestamptz NOT NULL,
    event       text NOT NULL CHECK (event IN ('announce', 'drain', 'withdraw')),
    from_state  text NOT NULL CHECK (from_state IN ('ANNOUNCED', 'DRAINING', 'WITHDRAWN')),
    to_state    text NOT NULL CHECK (to_state IN ('ANNOUNCED', 'DRAINING', 'WITHDRAWN')),
    reason      text NOT NULL,
    checks      jsonb NOT NULL,
    received    timestamptz NOT NULL,
    UNIQUE (site, at, to_state)
);
CREATE INDEX te_agent_event_at ON te_agent_event (at DESC);
