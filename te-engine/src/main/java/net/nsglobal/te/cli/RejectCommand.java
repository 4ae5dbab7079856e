package net.nsglobal.te.cli;

import net.nsglobal.te.propose.ProposalState;
import net.nsglobal.te.propose.Proposals;
import picocli.CommandLine.Command;

/** {@code te reject ID --reason TEXT}: the operator's decision, with the reason the audit log keeps. */
@Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a proposal (a reason is required).")
public final class RejectCommand extends DecisionCommand {
    @Override
    String verb() { return "reject"; }

    @Override
    String done() { return "rejected"; }

    @Override
    ProposalState.Transition decide(Proposals proposals, long id, String operator, String reason) {
        return proposals.reject(id, operator, reason);
    }
}
