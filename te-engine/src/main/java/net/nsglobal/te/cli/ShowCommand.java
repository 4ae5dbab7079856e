package net.nsglobal.te.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import net.nsglobal.te.propose.Proposal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code te show ID}: everything about one proposal. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one proposal.")
public final class ShowCommand implements Callable<Integer> {
    @ParentCommand TeCommand te;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "the proposal's number")
    long id;

    @Override
    public Integer call() throws Exception {
        try (TeCommand.Opened o = te.open()) {
            Optional<Proposal> p = o.proposals().find(id);
            if (p.isEmpty()) {
                spec.commandLine().getErr().println("te show: there is no proposal #" + id);
                return 1;
            }
            Show.print(p.get(), spec.commandLine().getOut());
            return 0;
        }
    }
}
