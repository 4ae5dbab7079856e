package net.nsglobal.te.cli;

import java.util.concurrent.Callable;

import net.nsglobal.te.propose.ProposalState;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code te approve ID --reason TEXT}: the operator's decision, with the reason the audit log keeps. */
@Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a proposal (a reason is required).")
public final class ApproveCommand implements Callable<Integer> {
    @ParentCommand TeCommand te;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "the proposal's number")
    long id;

    @Option(names = "--reason", required = true, description = "why (kept in the audit log)")
    String reason;

    @Option(names = "--operator", description = "who decides (default: the login name)")
    String operator = System.getProperty("user.name");

    @Override
    public Integer call() throws Exception {
        try (TeCommand.Opened o = te.open()) {
            ProposalState.Transition t = o.proposals().approve(id, operator, reason);
            if (t instanceof ProposalState.Transition.Refused r) {
                spec.commandLine().getErr().println("te approve: #" + id + " not approved: " + r.reason());
                return 1;
            }
            spec.commandLine().getOut().println("Proposal #" + id + " approved by " + operator + ".");
            return 0;
        }
    }
}
