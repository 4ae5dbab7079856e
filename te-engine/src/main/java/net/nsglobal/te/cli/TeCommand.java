package net.nsglobal.te.cli;

import java.nio.file.Path;
import java.time.Clock;

import net.nsglobal.platform.db.Database;
import net.nsglobal.te.propose.ChangeApplier;
import net.nsglobal.te.propose.LifecycleSettings;
import net.nsglobal.te.propose.PostgresProposalStore;
import net.nsglobal.te.propose.Proposal;
import net.nsglobal.te.propose.ProposalService;
import net.nsglobal.te.propose.Proposals;
import net.nsglobal.te.store.MeasurementStores;
import net.nsglobal.te.store.StoreSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nsglobal te}: the traffic-engineering engine's commands. The simulated world: {@code te predict},
 * {@code te calibrate}, {@code te world-sites}; a site's BIRD configuration: {@code te render --site CODE}; and the
 * route-change proposals, on the platform's database:
 * <pre>
 * te proposals                         newest first: id, state, sites, probes moved, decision
 * te show ID                           figures per region, moved networks, knobs diff, accuracy, history
 * te approve ID --reason TEXT [--operator NAME]
 * te reject ID --reason TEXT [--operator NAME]
 * te engine --config FILE              the engine process: observatory rounds and the route-change loop, until SIGTERM
 * </pre>
 * Exit status: 0 done, 1 refused (no such proposal, stale, decided, site busy: nothing changed), 2 bad options.
 * Approving here only approves: the running engine applies approved proposals.
 */
@Command(name = "te", mixinStandardHelpOptions = true,
        description = "Traffic engineering: the simulated world (predict, calibrate, world-sites), a site's BIRD "
                + "configuration (render), route-change proposals (proposals, show, approve, reject), the engine process (engine).",
        subcommands = {PredictCommand.class, CalibrateCommand.class, WorldSitesCommand.class, RenderCommand.class,
                ProposalsCommand.class, ShowCommand.class, ApproveCommand.class, RejectCommand.class, EngineCommand.class,
                CommandLine.HelpCommand.class})
public final class TeCommand implements Runnable {
    /** Opens the lifecycle the subcommands work on; closing the result releases it. */
    @FunctionalInterface
    public interface Opener {
        Opened open(TeCommand options) throws Exception;
    }

    public record Opened(Proposals proposals, AutoCloseable resource) implements AutoCloseable {
        @Override
        public void close() throws Exception { resource.close(); }
    }

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", description = "the data directory of the embedded PostgreSQL", scope = CommandLine.ScopeType.INHERIT)
    Path dataDir;

    @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL", scope = CommandLine.ScopeType.INHERIT)
    String dbUrl;

    @Option(names = "--db-user", description = "database user", scope = CommandLine.ScopeType.INHERIT)
    String dbUser;

    @Option(names = "--db-password", description = "database password", scope = CommandLine.ScopeType.INHERIT)
    String dbPassword;

    private final Opener opener;

    /** On the database of {@code --db-url} or {@code --data-dir} (see {@link #openDatabase}). */
    public TeCommand() { this(TeCommand::openDatabase); }

    public TeCommand(Opener opener) { this.opener = opener; }

    Opened open() throws Exception { return opener.open(this); }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "te: name a subcommand (predict, calibrate, world-sites, render, proposals, show, approve, reject, engine)");
    }

    /**
     * The default opener: the database of the options; staleness judged against the latest round in the measurement
     * store and the number of configuration changes it recorded (the config version the engine's loop submits with).
     * Applying is the running engine's job, so this lifecycle's applier refuses.
     */
    static Opened openDatabase(TeCommand o) throws Exception {
        if ((o.dbUrl == null || o.dbUrl.isBlank()) && o.dataDir == null) {
            throw new CommandLine.ParameterException(o.spec.commandLine(), "te: say which database: --data-dir DIR "
                    + "(embedded PostgreSQL) or --db-url URL");
        }
        String url = o.dbUrl, user = o.dbUser, password = o.dbPassword;
        if (url == null || url.isBlank()) {
            java.util.Optional<Integer> port = net.nsglobal.platform.db.RunningEmbedded.port(o.dataDir.resolve("pg"));
            if (port.isPresent()) { // the running engine's: connect to it, never start a second server on its files
                url = "jdbc:postgresql://localhost:" + port.get() + "/postgres";
                user = Database.EMBEDDED_USER;
                password = Database.embeddedPassword(o.dataDir);
            }
        }
        Database db = Database.open(url, user, password, o.dataDir);
        try {
            var measurements = MeasurementStores.open(db, StoreSettings.defaults());
            PostgresProposalStore store = PostgresProposalStore.open(db);
            ChangeApplier none = (site, knobs) -> new ChangeApplier.Outcome.Refused("the te command does not apply "
                    + "changes; the running engine applies approved proposals");
            ProposalService service = new ProposalService(store, none, () -> Proposal.Basis.current(measurements),
                    LifecycleSettings.defaults(), Clock.systemUTC());
            return new Opened(service, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
