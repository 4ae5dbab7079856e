package net.nsglobal.te.cli;

import java.util.concurrent.Callable;

import net.nsglobal.te.propose.ProposalState;
import net.nsglobal.te.propose.Proposals;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * An operator's decision on a proposal from the command line ({@code te approve}, {@code te reject}): the proposal's
 * number, the reason the audit log keeps, who decides. Exit 0 done, 1 refused (nothing changed), 2 bad options.
 */
abstract class DecisionCommand implements Callable<Integer> {
    @ParentCommand TeCommand te;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "the proposal's number")
    long id;

    @Option(names = "--reason", required = true, description = "why (kept in the audit log)")
    String reason;

    @Option(names = "--operator", description = "who decides (default: the login name)")
    String operator = System.getProperty("user.name");

    /** The verb, e.g. "approve". */
    abstract String verb();

    /** The participle, e.g. "approved". */
    abstract String done();

    abstract ProposalState.Transition decide(Proposals proposals, long id, String operator, String reason);

    @Override
    public Integer call() throws Exception {
        try (TeCommand.Opened o = te.open()) {
            ProposalState.Transition t = decide(o.proposals(), id, operator, reason);
            if (t instanceof ProposalState.Transition.Refused r) {
                spec.commandLine().getErr().println("te " + verb() + ": #" + id + " not " + done() + ": " + r.reason());
                return 1;
            }
            spec.commandLine().getOut().println("Proposal #" + id + " " + done() + " by " + operator + ".");
            return 0;
        }
    }
}
