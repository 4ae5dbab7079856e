package net.nsglobal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The launcher adds only the subcommand it runs, yet every name reaches its command and the usage lists them all. */
class MainTest {
    @Test
    void eachSubcommandNameReachesTheCommandOfThatName() {
        for (String name : Main.SUBCOMMANDS) {
            CommandLine cl = Main.commandLine(name, "--help");
            assertThat(cl.getSubcommands()).as(name).containsOnlyKeys(name);
            assertThat(cl.getSubcommands().get(name).getCommandSpec().name()).isEqualTo(name);
        }
    }

    @Test
    void withoutASubcommandTheUsageListsThemAllAndHelp() {
        CommandLine cl = Main.commandLine("--help");
        assertThat(cl.getSubcommands().keySet()).containsExactly(
                "node", "atlas", "control-plane", "demo", "ops", "te", "site-agent", "help");
        String usage = cl.getUsageMessage();
        for (String name : Main.SUBCOMMANDS) assertThat(usage).contains("  " + name + " ");
    }
}
