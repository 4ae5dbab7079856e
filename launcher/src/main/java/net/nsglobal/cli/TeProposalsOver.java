package net.nsglobal.cli;

import java.io.IOException;
import java.time.Clock;
import net.nsglobal.control.config.TeDatabase;
import net.nsglobal.platform.db.Database;
import net.nsglobal.te.propose.ChangeApplier;
import net.nsglobal.te.propose.LifecycleSettings;
import net.nsglobal.te.propose.PostgresProposalStore;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalService;
import net.nsglobal.te.store.MeasurementStores;
import net.nsglobal.te.store.StoreSettings;

/**
 * The TE engine's proposals as the control plane's operator pages decide them: the engine's database
 * ({@code control-plane.te-database}), staleness judged as the engine judges it (latest round, config changes
 * recorded), and an applier that refuses, because applying an APPROVED proposal is the running engine's apply job;
 * an approval here only moves the state.
 *
 * @param proposals the lifecycle the pages and API use
 * @param database  the engine's database, closed by {@link #close()}
 */
record TeProposalsOver(ProposalService proposals, Database database) implements AutoCloseable {
    static final ChangeApplier ENGINE_APPLIES = (site, knobs) -> new ChangeApplier.Outcome.Refused("control-plane: "
            + "site " + site + ": the control plane does not apply changes; the TE engine process applies approved proposals");

    static TeProposalsOver open(TeDatabase te, LifecycleSettings settings) throws IOException {
        Database db = Database.open(te.url(), te.user(), te.password(), null);
        try {
            var measurements = MeasurementStores.open(db, StoreSettings.defaults());
            ProposalService service = new ProposalService(PostgresProposalStore.open(db), ENGINE_APPLIES,
                    () -> Proposal.Basis.current(measurements), settings, Clock.systemUTC());
            return new TeProposalsOver(service, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public void close() { database.close(); }
}
