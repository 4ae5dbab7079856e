package net.nsglobal.cli.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code nsglobal ops}: operators' administration on the control plane's database (the same {@code --config},
 * {@code --data-dir} and {@code --db-url} as {@code control-plane} and {@code demo}).
 * <pre>
 * ops operator add NAME           password from the console (asked twice) or one line of stdin, never argv
 * ops operator disable NAME       its sessions and API tokens stop working at once
 * ops token create NAME --operator OPERATOR   prints the token once (only its hash is stored)
 * ops token revoke NAME
 * </pre>
 * Exit status: 0 done, 1 refused (unknown operator, name taken, …: nothing changed), 2 bad options or config.
 */
@Command(name = "ops", mixinStandardHelpOptions = true,
        description = "Operators' administration: operators and their API tokens.",
        subcommands = {OperatorCommand.class, TokenCommand.class, CommandLine.HelpCommand.class})
public final class OpsCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "ops: name a subcommand (operator, token)");
    }
}
