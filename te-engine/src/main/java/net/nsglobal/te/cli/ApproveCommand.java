package net.nsglobal.te.cli;

import net.nsglobal.te.propose.ProposalState;
import net.nsglobal.te.propose.Proposals;
import picocli.CommandLine.Command;

/** {@code te approve ID --reason TEXT}: the operator's decision, with the reason the audit log keeps. */
@Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a proposal (a reason is required).")
public final class ApproveCommand extends DecisionCommand {
    @Override
    String verb() { return "approve"; }

    @Override
    String done() { return "approved"; }

    @Override
    ProposalState.Transition decide(Proposals proposals, long id, String operator, String reason) {
        return proposals.approve(id, operator, reason);
    }
}
