-- te-engine's proposal lifecycle: the optimizer's candidates, the operators' decisions, what was applied and how the
-- measured outcome compared with the prediction. States and transitions: net.nsglobal.te.propose.ProposalState.

CREATE TABLE te_proposal (
    id             bigserial PRIMARY KEY,
    created        timestamptz NOT NULL,
    state          text NOT NULL CHECK (state IN ('PROPOSED', 'APPROVED', 'REJECTED', 'STALE', 'APPLIED', 'FAILED',
                                                  'VERIFIED', 'ROLLED_BACK')),
    -- what it was computed from: a newer round or another config version makes an open proposal stale
    basis_round    bigint NOT NULL,
    basis_config   bigint NOT NULL,
    candidate      jsonb NOT NULL,  -- propose.Candidate: knobs per site, predicted regions, moved networks, reasons
    previous       jsonb NOT NULL,  -- the knobs of the same sites before: what a rollback restores
    applied_at     timestamptz,
    verified_at    timestamptz,
    verified_round bigint,
    probe_accuracy double precision, -- share of compared probes whose measured site is the predicted one
    probes_compared integer
);
CREATE INDEX te_proposal_state ON te_proposal (state);

-- The sites a proposal changes.
CREATE TABLE te_proposal_site (
    proposal_id bigint NOT NULL REFERENCES te_proposal (id),
    site        text NOT NULL,
    PRIMARY KEY (proposal_id, site)
);

-- One change in flight per site: a row here from approval until the proposal is verified, rolled back or dropped.
-- The primary key is the guarantee, whatever number of processes approve at once.
CREATE TABLE te_site_in_flight (
    site        text PRIMARY KEY,
    proposal_id bigint NOT NULL REFERENCES te_proposal (id)
);

-- Per probe: where it was in the basis round, where the prediction puts it, and (after verification) where it went.
CREATE TABLE te_proposal_probe (
    proposal_id    bigint NOT NULL REFERENCES te_proposal (id),
    prb_id         integer NOT NULL,
    before_site    text,
    predicted_site text,
    measured_site  text,
    PRIMARY KEY (proposal_id, prb_id)
);

-- Per region after verification: before (the basis round, measured), predicted, measured.
CREATE TABLE te_proposal_region (
    proposal_id        bigint NOT NULL REFERENCES te_proposal (id),
    region             text NOT NULL,
    before_p90_infl    double precision,
    predicted_p90_infl double precision,
    measured_p90_infl  double precision,
    before_optimal     double precision,
    predicted_optimal  double precision,
    measured_optimal   double precision,
    PRIMARY KEY (proposal_id, region)
);

-- The audit log: who did what to which proposal, when, and why. Never updated or deleted.
CREATE TABLE te_proposal_audit (
    id          bigserial PRIMARY KEY,
    proposal_id bigint NOT NULL REFERENCES te_proposal (id),
    at          timestamptz NOT NULL,
    who         text NOT NULL,
    what        text NOT NULL,
    reason      text NOT NULL
);
CREATE INDEX te_proposal_audit_proposal ON te_proposal_audit (proposal_id, id);
