package net.nsglobal.te.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import net.nsglobal.te.propose.Proposal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code te proposals}: newest first, one line each. */
@Command(name = "proposals", mixinStandardHelpOptions = true, description = "List proposals, newest first.")
public final class ProposalsCommand implements Callable<Integer> {
    @ParentCommand TeCommand te;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--limit", defaultValue = "50", description = "at most this many (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) throw new CommandLine.ParameterException(spec.commandLine(), "te proposals: --limit must be ≥ 1");
        PrintWriter out = spec.commandLine().getOut();
        try (TeCommand.Opened o = te.open()) {
            var list = o.proposals().list(limit);
            if (list.isEmpty()) {
                out.println("No proposals.");
                return 0;
            }
            out.printf("%-6s %-12s %-20s %-20s %6s  %s%n", "ID", "STATE", "CREATED", "SITES", "MOVED", "DECISION");
            for (Proposal p : list) {
                String decision = p.decision().map(d -> d.what() + " by " + d.who()).orElse("—");
                out.printf("%-6d %-12s %-20s %-20s %6d  %s%n", p.id(), Show.state(p), Show.time(p.created()),
                        String.join(",", p.sites()), p.probesMoved(), decision);
            }
            return 0;
        }
    }
}
