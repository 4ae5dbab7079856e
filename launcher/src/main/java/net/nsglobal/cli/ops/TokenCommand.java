package net.nsglobal.cli.ops;

import java.util.concurrent.Callable;
import net.nsglobal.control.operator.Operators;
import net.nsglobal.control.store.OperatorStore;
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
            try (Store.Opened s = store.open()) {
                String token = s.operators().createToken(name, operator);
                System.err.println("token " + name + " for operator " + operator + " (shown once; send it as "
                        + "Authorization: Bearer TOKEN):");
                System.out.println(token);
                return 0;
            } catch (Operators.Invalid | OperatorStore.NameTaken e) {
                System.err.println("ops: " + e.getMessage() + "; nothing changed");
                return 1;
            } catch (Store.Unusable e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an API token at once.")
    static final class Revoke implements Callable<Integer> {
        @Mixin Store store;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() throws Exception {
            try (Store.Opened s = store.open()) {
                s.operators().revokeToken(name);
                System.out.println("token " + name + " revoked");
                return 0;
            } catch (Operators.Invalid e) {
                System.err.println("ops: " + e.getMessage() + "; nothing changed");
                return 1;
            } catch (Store.Unusable e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }
}
