package net.nsglobal.control.store;

import java.time.Instant;

/** The last delegation check of a served zone (see {@code delegation_check}); {@code since} = first seen so. */
public record DelegationState(String domain, String parent, boolean delegated, String detail, Instant checkedAt,
                              Instant since) {}
