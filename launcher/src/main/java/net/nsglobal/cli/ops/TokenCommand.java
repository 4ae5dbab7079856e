package net.nsglobal.cli.ops;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nsglobal ops token create NAME --operator OPERATOR} and {@code ops token revoke NAME}. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Create or revoke an API token.",
        subcommands = {TokenCommand.Create.class, TokenCommand.Revoke.class})
final class TokenCommand {
    private TokenCommand() {}

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API token for an operator and print it once (only its hash is stored).")
    static final class Create implements Callable<Integer> {
        @Mixin Store store;
        @Parameters(paramLabel = "NAME", description = "the token's name, to revoke it later") String name;
        @Option(names = "--operator", required = true, description = "the operator the token acts for") String operator;

        @Override
        public Integer call() throws Exception {
            return store.change(ops -> {
                String token = ops.createToken(name, operator);
                System.err.println("token " + name + " for operator " + operator + " (shown once; send it as "
                        + "Authorization: Bearer TOKEN):");
                return token;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an API token at once.")
    static final class Revoke implements Callable<Integer> {
        @Mixin Store store;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() throws Exception {
            return store.change(ops -> {
                ops.revokeToken(name);
                return "token " + name + " revoked";
            });
        }
    }
}
