/**
 * The {@code ./nsglobal} launcher: one picocli command whose subcommands are the components' own commands ({@code node}
 * from dns-node, {@code atlas}, {@code control-plane} and {@code demo} from the dashboard); it adds no behaviour of its
 * own beyond turning the chosen command's result into the process exit status.
 *
 * <p>Uses {@code net.nsglobal.dns}, {@code net.nsglobal.atlas.cli} and {@code net.nsglobal.dashboard} (their command
 * classes only). Nothing uses it: it is the program's entry point.
 */
package net.nsglobal.cli;
