package net.nsglobal.cli.ops;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code nsglobal ops operator add|disable NAME}. */
@Command(name = "operator", mixinStandardHelpOptions = true, description = "Add or disable an operator.",
        subcommands = {OperatorCommand.Add.class, OperatorCommand.Disable.class})
final class OperatorCommand {
    private OperatorCommand() {}

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an operator; the password is read from the console, or one line of stdin.")
    static final class Add implements Callable<Integer> {
        @Mixin Store store;
        @Parameters(paramLabel = "NAME", description = "lower-case letters, digits, '.', '_', '-'") String name;

        @Override
        public Integer call() throws Exception {
            char[] password = readPassword();
            if (password == null) return 1;
            try {
                return store.change(ops -> {
                    ops.add(name, java.nio.CharBuffer.wrap(password));
                    return "operator " + name + " added";
                });
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        /** Twice from the console (no echo), or one line of stdin (scripts); null after telling why. */
        private static char[] readPassword() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] a = console.readPassword("Password for the new operator: ");
                char[] b = console.readPassword("Again: ");
                if (a == null || b == null || !Arrays.equals(a, b)) {
                    System.err.println("ops: the two passwords differ; nothing changed");
                    return null;
                }
                Arrays.fill(b, '\0');
                return a;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                System.err.println("ops: no password on stdin; nothing changed");
                return null;
            }
            return line.toCharArray();
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an operator: no more log-in; its sessions and API tokens stop working at once.")
    static final class Disable implements Callable<Integer> {
        @Mixin Store store;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() throws Exception {
            return store.change(ops -> {
                ops.disable(name);
                return "operator " + name + " disabled";
            });
        }
    }
}
