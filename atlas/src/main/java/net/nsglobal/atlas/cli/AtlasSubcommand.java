package net.nsglobal.atlas.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import net.nsglobal.atlas.api.AtlasClient;
import net.nsglobal.atlas.api.AtlasException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Shared plumbing: options, the client, and turning API failures into one readable line and exit code 1. */
abstract class AtlasSubcommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @ParentCommand
    AtlasCommand parent;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public final Integer call() {
        try (AtlasClient client = new AtlasClient(common.resolve(parent.env()))) {
            client.onWarning(w -> {
                err().println("# warning from RIPE Atlas: " + w);
                err().flush();
            });
            return run(client);
        } catch (AtlasException | IllegalArgumentException e) {
            err().println(e.getMessage());
            err().flush();
            return 1;
        }
    }

    abstract int run(AtlasClient client);
}
