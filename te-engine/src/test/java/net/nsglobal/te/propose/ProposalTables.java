package net.nsglobal.te.propose;

import net.nsglobal.platform.db.Database;

/** The proposal store's tables (migration V2), emptied between tests that share one database. */
public final class ProposalTables {
    private ProposalTables() {}

    public static void empty(Database db) {
        db.jdbi().useHandle(h -> h.execute("TRUNCATE te_proposal, te_proposal_site, te_site_in_flight, "
                + "te_proposal_probe, te_proposal_region, te_proposal_audit"));
    }
}
