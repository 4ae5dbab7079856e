package net.nsglobal.cli;

import java.util.List;
import net.nsglobal.atlas.cli.AtlasCommand;
import net.nsglobal.cli.ops.OpsCommand;
import net.nsglobal.dns.NodeCommand;
import net.nsglobal.te.cli.SiteAgentCommand;
import net.nsglobal.te.cli.TeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./nsglobal} launcher: one picocli command per component.
 *
 * <p>The subcommands are added in code, not listed in {@code @Command(subcommands = …)}: picocli builds the model of
 * every listed command (and its own subcommands) up front, which for {@code nsglobal node} loaded the traffic
 * engine's, Atlas' and the control plane's command classes and everything their fields name. When the first argument
 * names a subcommand, only that one is added; otherwise (help, version, an unknown name) all of them are, so the
 * usage lists them all.
 */
@Command(name = "nsglobal", mixinStandardHelpOptions = true, version = "nsglobal 0.1.0",
        description = "NS-Global: anycast secondary DNS and its traffic-engineering platform.")
public final class Main {
    /** The subcommands' names, in the order the usage lists them (each is its class's {@code @Command} name). */
    static final List<String> SUBCOMMANDS = List.of("node", "atlas", "control-plane", "demo", "ops", "te", "site-agent");

    /** Server subcommands ({@code node}, {@code control-plane}, {@code demo}) block until SIGTERM/Ctrl-C, then return. */
    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The command line for running {@code args}: with only the subcommand they name, or all when they name none. */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        if (args.length > 0 && SUBCOMMANDS.contains(args[0])) {
            cl.addSubcommand(args[0], command(args[0]));
            return cl;
        }
        for (String name : SUBCOMMANDS) cl.addSubcommand(name, command(name));
        cl.addSubcommand("help", CommandLine.HelpCommand.class);
        return cl;
    }

    /** The command class; a class literal loads nothing until this line runs. */
    private static Class<?> command(String name) {
        return switch (name) {
            case "node" -> NodeCommand.class;
            case "atlas" -> AtlasCommand.class;
            case "control-plane" -> ControlPlaneCommand.class;
            case "demo" -> DemoCommand.class;
            case "ops" -> OpsCommand.class;
            case "te" -> TeCommand.class;
            case "site-agent" -> SiteAgentCommand.class;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
