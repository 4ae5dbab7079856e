package net.nsglobal.cli;

import net.nsglobal.atlas.cli.AtlasCommand;
import net.nsglobal.cli.ControlPlaneCommand;
import net.nsglobal.cli.DemoCommand;
import net.nsglobal.cli.ops.OpsCommand;
import net.nsglobal.dns.NodeCommand;
import net.nsglobal.te.cli.TeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./nsglobal} launcher: one picocli command per component. */
@Command(name = "nsglobal", mixinStandardHelpOptions = true, version = "nsglobal 0.1.0",
        description = "NS-Global: anycast secondary DNS and its traffic-engineering platform.",
        subcommands = {NodeCommand.class, AtlasCommand.class, ControlPlaneCommand.class, DemoCommand.class, OpsCommand.class, TeCommand.class, net.nsglobal.te.cli.SiteAgentCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    /** Server subcommands ({@code node}, {@code control-plane}, {@code demo}) block until SIGTERM/Ctrl-C, then return. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
